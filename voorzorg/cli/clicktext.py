"""Dutch (and English) for click's own messages: usage, errors, help headings.

click translates its texts with ``gettext``; we route those calls through our one
translation function so "Usage:" reads "Gebruik:" like every other message.
"""

from __future__ import annotations

from voorzorg.i18n import catalogue, language, template

# English text as click writes it -> our message key.
CLICK_TEXTS = {
    "Usage:": "click.usage",
    "Options": "click.options",
    "Commands": "click.commands",
    "Show this message and exit.": "click.help",
    "Show the version and exit.": "click.version",
    "%(prog)s, version %(version)s": "click.version_line",
    "Error: {message}": "click.error",
    "Try '{command} {option}' for help.": "click.try_help",
    "No such option: {name}": "click.no_such_option",
    "No such option {name!r}.": "click.no_such_option_q",
    "No such command {name!r}.": "click.no_such_command",
    "Missing argument": "click.missing_argument",
    "Missing option": "click.missing_option",
    "Missing parameter": "click.missing_parameter",
    "Missing command.": "click.missing_command",
    "Missing {param_type}": "click.missing_type",
    "Invalid value for {param_hint}: {message}": "click.invalid_for",
    "Invalid value: {message}": "click.invalid",
    "Option {name!r} does not take a value.": "click.no_value",
    "Aborted!": "click.aborted",
    "Repeat for confirmation": "click.repeat",
    "Error: The two entered values do not match.": "click.no_match",
    "{value!r} is not a valid {number_type}.": "click.not_number",
    "{value} is not in the range {range}.": "click.range",
    "default: {default}": "click.default",
    "env var: {var}": "click.envvar",
    "Choose from:\n\t{choices}": "click.choose_from",
    "{name} {filename!r} does not exist.": "click.file_missing",
    "Did you mean {possibility}?": "click.did_you_mean",
    "(Did you mean one of: {possibilities}?)": "click.did_you_mean_many",
    "Got unexpected extra argument ({args})": "click.extra_arg",
    "Got unexpected extra arguments ({args})": "click.extra_args",
    "Option {name!r} requires an argument.": "click.requires_arg",
    "{value!r} is not {choice}.": "click.not_choice",
    "{value!r} is not one of {choices}.": "click.not_choices",
    "required": "click.required",
    "Error: invalid input": "click.invalid_input",
    "Do you want to continue?": "click.continue",
    "Confirm the action without prompting.": "click.confirm_option",
    "Missing parameter: {param_name}": "click.missing_named",
    "Could not open file {filename!r}: {message}": "click.cannot_open",
    "{name} {filename!r} is a directory.": "click.is_directory",
    "{name} {filename!r} is a file.": "click.is_file",
    "{name} {filename!r} is not readable.": "click.not_readable",
    "{name} {filename!r} is not writable.": "click.not_writable",
    "file": "click.word_file",
    "directory": "click.word_directory",
    "path": "click.word_path",
    "Option {name!r} requires {nargs} arguments.": "click.requires_args",
    "Argument {name!r} takes {nargs} values.": "click.takes_values",
    "Positional arguments": "click.positional",
    "unknown error": "click.unknown_error",
}


# Placeholders in usage lines ("voorzorg member show MEMBER") in the user's language.
METAVAR_WORDS = (
    "MEMBER", "REQUEST", "ACTIVITY", "DATE", "TIME", "TEXT", "NAME", "FILE", "DIR", "CAT",
    "KIND", "KEY", "VALUE", "YEAR", "USER", "ORGANISATION", "HOW", "AGREEMENT", "RELEASE",
    "PURPOSE", "HELPER", "PATH", "ZONE", "ARGS", "COMMAND", "DOMAIN", "CIRCLE", "ARCHIVE",
    "YES", "NO",
)  # fmt: skip


def metavar(text: str) -> str:
    """ "MEMBER..." -> "DEELNEMER...", '"DATE TIME"' -> '"DATUM TIJD"'; examples such as
    "first thursday" or "2h" are quoted for the user and keep their form."""
    import re

    messages = catalogue(language())

    def word(match):
        key = "metavar." + match[0]
        return messages.get(key, match[0]) if match[0] in METAVAR_WORDS else match[0]

    return re.sub(r"\b[A-Z]{2,}\b", word, text)


def gettext(message: str) -> str:
    key = CLICK_TEXTS.get(message)
    if key is None or key not in catalogue(language()):
        return message
    return template(key)  # click fills in its own placeholders


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types

    for cls in (click.core.Option, click.core.Argument):
        if not getattr(cls.make_metavar, "_voorzorg", False):
            original = cls.make_metavar

            def make_metavar(self, *args, _original=original, **kwargs):
                return metavar(_original(self, *args, **kwargs))

            make_metavar._voorzorg = True
            cls.make_metavar = make_metavar
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.termui,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
