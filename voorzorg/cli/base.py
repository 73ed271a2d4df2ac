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


class _ShortOptionsDirectly:
    """``-c ID`` goes straight to the short option.

    click tries every ``-x`` as a long option first and, when that fails, builds a
    "did you mean" error for it (importing difflib) before throwing it away and
    matching the short option. Skipping that detour changes no result: an unknown
    ``--name`` still gets its suggestions.
    """

    def make_parser(self, ctx):
        parser = super().make_parser(ctx)
        match_long = getattr(parser, "_match_long_opt", None)
        long_opts = getattr(parser, "_long_opt", None)
        prefixes = getattr(parser, "_opt_prefixes", None)
        if match_long is None or long_opts is None or prefixes is None:
            return parser  # a click without these internals parses as it always does

        def match_long_opt(opt, explicit_value, state):
            if opt not in long_opts and opt[:2] not in prefixes:
                # click catches this and matches ``opt`` as short option(s).
                raise click.NoSuchOption(opt, ctx=ctx)
            match_long(opt, explicit_value, state)

        parser._match_long_opt = match_long_opt
        return parser


class Command(_ShortOptionsDirectly, _TranslatedHelpOption, _TranslatedHelp, click.Command):
    pass


class Option(click.Option):
    @property
    def help(self):
        key = self.__dict__.get("_help_key")
        return _(key) if key else None

    @help.setter
    def help(self, value):
        self.__dict__["_help_key"] = value


class Group(_ShortOptionsDirectly, _TranslatedHelpOption, _TranslatedHelp, click.Group):
    """A group whose subcommands are imported only when used (fast start-up)."""

    command_class = Command

    def __init__(self, *args, lazy_subcommands: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = lazy_subcommands or {}

    def list_commands(self, ctx):
        provided = {path.split()[-1] for path in _provided(ctx, self)}
        return sorted({*super().list_commands(ctx), *self.lazy_subcommands, *provided})

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.NoSuchCommand as exc:
            if exc.possibilities:
                raise
            # click suggests from the commands it has loaded; lazy ones count too.
            name = click.utils.make_str(args[0])
            raise click.NoSuchCommand(
                name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def get_command(self, ctx, cmd_name):
        if cmd_name in self.lazy_subcommands:
            module_name, attr = self.lazy_subcommands[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attr)
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in {p.split()[-1] for p in _provided(ctx, self)}:
            command = _load_provided(ctx, self, cmd_name)
        return command


def _group_path(group) -> str:
    return "" if group.name == "voorzorg" else group.name


def _config_or_none(ctx):
    from voorzorg.errors import VoorzorgError

    app = ctx.find_object(App) if ctx is not None else None
    if app is None and ctx is not None and "config_path" in ctx.find_root().params:
        # click resolves a top-level command before the root callback makes the App:
        # make it now, so commands of custom integrations (custom_plugins_dir) are found.
        root = ctx.find_root()
        app = root.obj = App(root.params["config_path"])
    if app is None:
        return None
    try:
        return app.config
    except VoorzorgError:
        return None


def _provided(ctx, group) -> list[str]:
    """Commands integrations provide in this group, from their manifests alone."""
    from voorzorg.integrations.loader import command_providers

    prefix = _group_path(group)
    result = []
    for path in command_providers(_config_or_none(ctx)):
        parts = path.split()
        if (len(parts) == 1 and not prefix) or (len(parts) == 2 and parts[0] == prefix):
            result.append(path)
    return result


def _load_provided(ctx, group, cmd_name):
    """Load the integration that provides ``cmd_name`` and let it add its commands."""
    from voorzorg.integrations.loader import command_providers, load

    config = _config_or_none(ctx)
    prefix = _group_path(group)
    path = f"{prefix} {cmd_name}".strip()
    domain = command_providers(config).get(path)
    registry = load(config, {domain})
    item = registry.loaded(domain)
    if item is None:
        from voorzorg.errors import VoorzorgError

        found = registry.integrations.get(domain)
        raise VoorzorgError(
            "integration.unavailable", domain=domain, error=found.error if found else "?"
        )
    outcome = registry.call("register_commands", cli=ctx.find_root().command)
    for failure in outcome.failures:
        from voorzorg.errors import VoorzorgError

        if failure.domain == domain:
            raise VoorzorgError(
                "integration.hook_failed", domain=domain, hook=failure.hook, error=failure.error
            )
    return click.Group.get_command(group, ctx, cmd_name)


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
    from voorzorg import clock

    return clock.now()


def local_today():
    """Today's date where the deployment is (the default timezone)."""
    from voorzorg import clock

    return clock.today(clock.DEFAULT_TIMEZONE)


def recorder(app, name: str | None) -> str | None:
    """Who records a consent: as given; else ``volunteer`` from config.toml; else, at a
    terminal, asked once; else unknown (None). Never the login name (often ``root`` or
    ``pi`` on the community centre's machine, which says nothing)."""
    if name:
        return name
    configured = app.config.volunteer if app is not None else None
    if configured:
        return configured
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        answer = click.prompt(_("consent.recorded_by_prompt"), default="", show_default=False,
                              err=True)  # fmt: skip
        return answer.strip() or None
    return None


def circle_today(entry):
    """Today's date in the circle's timezone."""
    from voorzorg import clock

    return clock.today(entry.timezone)


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
            from voorzorg.deploy import config as config_mod
            from voorzorg.i18n import set_configured_language

            path = _find_config(config_mod, self.config_option)
            config = config_mod.load(path)
            set_configured_language(config.language)
            config_mod.check_secrets_mode(config.secrets_path)
            self._config = config
            _finish_erasures(config)
        return self._config

    @config.setter
    def config(self, value) -> None:
        self._config = value

    def circle(self, given: str | None):
        from voorzorg.deploy.circles import choose_circle

        return choose_circle(self.config, given)

    def open_circle(self, given: str | None):
        """Choose the circle for a command and open its database."""
        from voorzorg.deploy.circles import db_path
        from voorzorg.storage.store import open_circle

        entry = self.circle(given)
        self.current_db_path = db_path(self.config, entry)
        return entry, open_circle(self.current_db_path)


def _finish_erasures(config) -> None:
    """A restore finished after a crash erased members again: erase their integrations'
    data too (cheap otherwise: one file lookup)."""
    import os

    from voorzorg.deploy.erasures import PENDING

    if os.path.exists(os.path.join(config.path.parent, PENDING)):
        from voorzorg.privacy.erase import finish_pending

        finish_pending(config)


def _find_config(config_mod, given):
    """Find config.toml, first finishing a restore that a crash cut off (see deploy/restore)."""
    import os

    from voorzorg.errors import ConfigError

    journal = ".voorzorg-restore.json"
    try:
        path = config_mod.find_config(given)
    except ConfigError:
        # config.toml moves last in a restore: a cut-off one may have it set aside.
        for directory in _candidate_dirs(given):
            if os.path.exists(os.path.join(directory, journal)):
                from voorzorg.deploy.restore import finish_if_pending

                finish_if_pending(directory)
        path = config_mod.find_config(given)
    if os.path.exists(os.path.join(path.parent, journal)):
        from voorzorg.deploy.restore import finish_if_pending

        finish_if_pending(path.parent)
    return path


def _candidate_dirs(given) -> list[str]:
    import os

    found = []
    for value in (given, os.environ.get("VOORZORG_CONFIG")):
        if value:
            found.append(value if os.path.isdir(value) else os.path.dirname(value) or ".")
    found.append(os.getcwd())
    return found


pass_app = click.make_pass_decorator(App)
