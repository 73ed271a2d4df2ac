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
    "date.format": "'{text}' is not a date. Write, for example, 3-12-2026 or 2026-12-03.",
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
    # Demo
    "demo.exists": "{path} already exists and is not empty; choose a new directory for the demo.",
    "demo.building": "Building demo in {directory} …",
    "demo.circle": "  {name}: {members} members",
    "demo.done": (
        "Done: {circles} circles with {members} made-up members in total in {directory}."
    ),
    "demo.try": "Try: cd {directory} && voorzorg member list -c zorgsaam",
    "demo.no_server_yet": "(The web view will follow in a later version; this demo stops here.)",
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
        "Withdraw a consent. Withdrawing matching also erases the help needs."
    ),
    "help.consent.list": "Show consents, including withdrawn ones (history).",
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
}
