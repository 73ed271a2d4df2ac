"""Shared pieces of the CLI: translated help, lazy command loading, the App context."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from voorzorg.i18n import _


class _TranslatedHelp:
    """Help texts are translation keys, rendered in the language of the moment."""

    @property
    def options_metavar(self):
        return _("click.options_metavar")

    @options_metavar.setter
    def options_metavar(self, value):
        pass

    @property
    def subcommand_metavar(self):
        return _("click.subcommand_metavar")

    @subcommand_metavar.setter
    def subcommand_metavar(self, value):
        pass

    @property
    def help(self):
        key = self.__dict__.get("_help_key")
        return _(key) if key else None

    @help.setter
    def help(self, value):
        self.__dict__["_help_key"] = value

    @property
    def short_help(self):
        key = self.__dict__.get("_short_help_key")
        return _(key) if key else None

    @short_help.setter
    def short_help(self, value):
        self.__dict__["_short_help_key"] = value

    @property
    def epilog(self):
        key = self.__dict__.get("_epilog_key")
        return _(key) if key else None

    @epilog.setter
    def epilog(self, value):
        self.__dict__["_epilog_key"] = value


class _TranslatedHelpOption:
    def get_help_option(self, ctx):
        # click builds --help once and caches it: refresh its text for the current language.
        help_option = super().get_help_option(ctx)
        if help_option is not None:
            help_option.help = _("click.help")
        return help_option


class Command(_TranslatedHelpOption, _TranslatedHelp, click.Command):
    pass


class Option(click.Option):
    @property
    def help(self):
        key = self.__dict__.get("_help_key")
        return _(key) if key else None

    @help.setter
    def help(self, value):
        self.__dict__["_help_key"] = value


class Group(_TranslatedHelpOption, _TranslatedHelp, click.Group):
    """A group whose subcommands are imported only when used (fast start-up)."""

    command_class = Command

    def __init__(self, *args, lazy_subcommands: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = lazy_subcommands or {}

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy_subcommands})

    def get_command(self, ctx, cmd_name):
        if cmd_name in self.lazy_subcommands:
            module_name, attr = self.lazy_subcommands[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attr)
        return super().get_command(ctx, cmd_name)


Group.group_class = Group


def option(*param_decls, **attrs):
    attrs.setdefault("cls", Option)
    return click.option(*param_decls, **attrs)


def command(name: str, help: str, **attrs):
    attrs.setdefault("cls", Command)
    return click.command(name, help=help, **attrs)


def group(name: str, help: str, **attrs):
    attrs.setdefault("cls", Group)
    return click.group(name, help=help, **attrs)


def utc_now():
    """The current instant (UTC), for core functions that record when."""
    from datetime import UTC, datetime

    return datetime.now(UTC)


def circle_today(entry):
    """Today's date in the circle's timezone."""
    from voorzorg.dates import today as local_today

    return local_today(entry.timezone)


circle_option = option(
    "-c",
    "--circle",
    "circle_id",
    envvar="VOORZORG_CIRCLE",
    metavar="ID",
    help="opt.circle",
)
json_option = option("--json", "as_json", is_flag=True, help="opt.json")


class App:
    """What every command shares: the config (loaded once, lazily) and open databases."""

    current: App | None = None

    def __init__(self, config_option: str | None) -> None:
        App.current = self
        self.config_option = config_option
        self._config = None
        self.current_db_path: Path | None = None

    @property
    def config(self):
        if self._config is None:
            from voorzorg import config as config_mod
            from voorzorg.i18n import set_configured_language

            path = config_mod.find_config(self.config_option)
            config = config_mod.load(path)
            set_configured_language(config.language)
            config_mod.check_secrets_mode(config.secrets_path)
            self._config = config
        return self._config

    @config.setter
    def config(self, value) -> None:
        self._config = value

    def circle(self, given: str | None):
        from voorzorg.circles import choose_circle

        return choose_circle(self.config, given)

    def open_circle(self, given: str | None):
        """Choose the circle for a command and open its database."""
        from voorzorg.circles import db_path
        from voorzorg.store import open_circle

        entry = self.circle(given)
        self.current_db_path = db_path(self.config, entry)
        return entry, open_circle(self.current_db_path)


pass_app = click.make_pass_decorator(App)
