"""config.toml: found in the right order, checked with file/line/column, edited safely."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from voorzorg.deploy import config as config_mod
from voorzorg.errors import ConfigError


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_creates_commented_config_private_secrets_and_data_dir(tmp_path, cli):
    result = cli("init", tmp_path / "d")
    assert result.code == 0, result.err
    config = (tmp_path / "d" / "config.toml").read_text()
    assert config.startswith("# voorzorg")
    assert config.count("#") > 10
    secrets = tmp_path / "d" / "secrets.toml"
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert (tmp_path / "d" / "data").is_dir()
    assert config_mod.load(tmp_path / "d" / "config.toml").circles == {}


def test_init_never_overwrites(tmp_path, cli):
    assert cli("init", tmp_path / "d").code == 0
    config = tmp_path / "d" / "config.toml"
    config.write_text(config.read_text() + "# mine\n")
    before = digest(config)
    result = cli("init", tmp_path / "d")
    assert result.code == 1
    assert "bestaat al" in result.err
    assert digest(config) == before


def test_config_search_order(tmp_path, cli, monkeypatch):
    for name in ("flag", "env", "cwd", "xdg"):
        assert cli("init", tmp_path / name).code == 0
        assert cli("--config", tmp_path / name / "config.toml", "circle", "add", name,
                   "--name", name.upper()).code == 0  # fmt: skip
    xdg = tmp_path / "xdg-config"
    (xdg / "voorzorg").mkdir(parents=True)
    (xdg / "voorzorg" / "config.toml").symlink_to(tmp_path / "xdg" / "config.toml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def shown_circle(*args, cwd):
        result = cli(*args, "circle", "list", "--json", cwd=cwd)
        assert result.code == 0, result.err
        return [c["id"] for c in result.json]

    monkeypatch.setenv("VOORZORG_CONFIG", str(tmp_path / "env" / "config.toml"))
    assert shown_circle("--config", tmp_path / "flag" / "config.toml", cwd=tmp_path / "cwd") == [
        "flag"
    ]
    assert shown_circle(cwd=tmp_path / "cwd") == ["env"]
    monkeypatch.delenv("VOORZORG_CONFIG")
    assert shown_circle(cwd=tmp_path / "cwd") == ["cwd"]
    assert shown_circle(cwd=elsewhere) == ["xdg"]


def test_missing_config_says_where_it_looked(tmp_path, cli):
    result = cli("circle", "list", cwd=tmp_path)
    assert result.code == 2
    assert "config.toml" in result.err
    assert "voorzorg init" in result.err
    assert "Traceback" not in result.err


def test_given_config_that_does_not_exist(tmp_path, cli):
    result = cli("--config", tmp_path / "nope.toml", "circle", "list")
    assert result.code == 2
    assert "nope.toml" in result.err


BAD_CONFIGS = [
    ('language = "nl"\ndata_dir = \n', 2, "TOML"),
    ('language = "nl"\nlanguage = "en"\n', 2, "TOML"),
    ('language = "nl"\n[circles.a]\nname = 5\n', 3, "'circles.a.name'"),
    ('language = "nl"\n\n[circles.a]\nname = "A"\nnmae = "typo"\n', 5, "nmae"),
    ('langauge = "nl"\n', 1, "langauge"),
    ('language = "fr"\n', 1, "language"),
    ('[circles.Bad]\nname = "A"\n', 1, "Bad"),
    ('[circles.a]\nneighbourhood = "x"\n', 1, "circles.a.name"),
    ('[circles.a]\nname = "A"\narchived = "yes"\n', 3, "archived"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_CONFIGS)
def test_bad_config_names_file_line_and_column_and_writes_nothing(
    tmp_path, cli, text, line, fragment
):
    path = tmp_path / "config.toml"
    path.write_text(text)
    before = digest(path)
    result = cli("--config", path, "circle", "add", "b", "--name", "B")
    assert result.code == 2, result.err
    assert str(path) in result.err
    assert f"regel {line}, kolom " in result.err
    assert fragment in result.err
    assert "Traceback" not in result.err
    assert digest(path) == before
    assert not (tmp_path / "data" / "b.db").exists()


def test_invalid_utf8_config_names_the_line(tmp_path, cli):
    path = tmp_path / "config.toml"
    path.write_bytes(b'language = "nl"\n# caf\xe9\n')
    result = cli("--config", path, "circle", "list")
    assert result.code == 2
    assert "regel 2, kolom 6" in result.err
    assert "UTF-8" in result.err


def test_config_errors_in_english(tmp_path, cli):
    path = tmp_path / "config.toml"
    path.write_text('langauge = "nl"\n')
    result = cli("--lang", "en", "--config", path, "circle", "list")
    assert result.code == 2
    assert "line 1, column 1" in result.err
    assert "unknown setting" in result.err.lower()


def test_circle_add_keeps_comments_and_formatting(deployment, cli):
    path = deployment / "config.toml"
    original = path.read_text()
    custom = original.replace(
        'data_dir = "data"', 'data_dir   =   "data"    # my own comment, kept'
    )
    path.write_text(custom + "\n# trailing note from the volunteer\n")
    assert cli("circle", "add", "zorgsaam", "--name", "ZorgSaam").code == 0
    assert cli("circle", "add", "samenspel", "--name", "SamenSpel").code == 0
    after = path.read_text()
    assert after.startswith(custom)
    assert 'data_dir   =   "data"    # my own comment, kept' in after
    assert "# trailing note from the volunteer" in after
    loaded = config_mod.load(path)
    assert list(loaded.circles) == ["zorgsaam", "samenspel"]
    assert not [p for p in deployment.iterdir() if p.name.endswith(".tmp")]


def test_edit_that_would_be_invalid_writes_nothing(deployment):
    path = deployment / "config.toml"
    before = digest(path)

    def bad_change(document):
        document["language"] = "klingon"

    with pytest.raises(ConfigError):
        config_mod.edit(path, bad_change)
    assert digest(path) == before


def test_atomic_write_failure_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text("old = 1\n")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    from voorzorg.errors import VoorzorgError

    with pytest.raises(VoorzorgError) as info:
        config_mod.atomic_write(path, b"new = 2\n")
    assert "de schijf is vol" in info.value.message
    assert path.read_text() == "old = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_secrets_readable_by_others_are_refused(deployment):
    secrets = deployment / "secrets.toml"
    # A new deployment holds only its signing key (statistics bundles; see federation/).
    assert set(config_mod.load_secrets(secrets)) == {"federation_signing_key"}
    os.chmod(secrets, 0o644)
    with pytest.raises(ConfigError) as info:
        config_mod.load_secrets(secrets)
    assert "chmod 600" in info.value.message


def test_locate_finds_keys_in_tables():
    text = 'a = 1\n\n[circles.x]\nname = "X"\n  timezone = "Y"\n'
    assert config_mod.locate(text, ("a",)) == (1, 1)
    assert config_mod.locate(text, ("circles", "x")) == (3, 1)
    assert config_mod.locate(text, ("circles", "x", "timezone")) == (5, 3)


def test_timezone_mistakes_are_config_errors(deployment, cli):
    path = deployment / "config.toml"
    original = path.read_text()
    path.write_text(original.replace('timezone = "Europe/Amsterdam"', 'timezone = "../etc"'))
    bad = cli("circle", "list")
    assert bad.code == 2 and "tijdzone" in bad.err and "regel" in bad.err
    path.write_text(original.replace('timezone = "Europe/Amsterdam"', 'timezone = "Mars/Base"'))
    assert cli("circle", "add", "x", "--name", "X").code == 1  # checked where it is used
    path.write_text(original + '\n[circles.x]\nname = "X"\ntimezone = "Mars/Base"\n')
    (deployment / "data" / "x.db").unlink(missing_ok=True)
    from voorzorg.storage.store import create_circle_db

    create_circle_db(deployment / "data" / "x.db", "x", "Europe/Amsterdam").close()
    result = cli("member", "add", "-c", "x", "Jan")
    assert result.code == 2
    assert "Mars/Base" in result.err and "Traceback" not in result.err


def test_config_text_gets_the_same_rules_as_typed_text(deployment, cli):
    path = deployment / "config.toml"
    path.write_text(path.read_text() + '\n[circles.x]\nname = "A\\u0000B"\n')
    result = cli("circle", "list")
    assert result.code == 2 and "regel" in result.err and "stuurteken" in result.err


def test_world_readable_secrets_stop_every_command(deployment, cli):
    os.chmod(deployment / "secrets.toml", 0o644)
    result = cli("circle", "list")
    assert result.code == 2 and "chmod 600" in result.err


def test_symlinked_config_stays_a_symlink(tmp_path, cli):
    assert cli("init", tmp_path / "real").code == 0
    link = tmp_path / "config.toml"
    link.symlink_to(tmp_path / "real" / "config.toml")
    assert cli("--config", link, "circle", "add", "a", "--name", "A").code == 0
    assert link.is_symlink()
    assert "[circles.a]" in (tmp_path / "real" / "config.toml").read_text()


def test_concurrent_circle_adds_keep_every_entry(deployment):
    import subprocess
    import sys

    env = {**os.environ, "VOORZORG_CONFIG": str(deployment / "config.toml")}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "voorzorg", "circle", "add", f"c{i}", "--name", f"C{i}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in range(8)
    ]
    for process in processes:
        assert process.wait(timeout=60) == 0, process.stderr.read()
    loaded = config_mod.load(deployment / "config.toml")
    assert sorted(loaded.circles) == [f"c{i}" for i in range(8)]


def test_init_writes_a_language_only_when_asked(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("VOORZORG_LANG", "en")
    assert cli("init", tmp_path / "a").code == 0
    assert 'language = "nl"' in (tmp_path / "a" / "config.toml").read_text()
    monkeypatch.delenv("VOORZORG_LANG")
    assert cli("--lang", "en", "init", tmp_path / "b").code == 0
    assert 'language = "en"' in (tmp_path / "b" / "config.toml").read_text()


def test_edit_secrets_keeps_comments_and_the_file_private(deployment, tmp_path):
    secrets = deployment / "secrets.toml"
    secrets.write_bytes(b"\xef\xbb\xbf# mine\n[circles.x.mail]\npassword = 'a'\n")
    os.chmod(secrets, 0o600)

    def change(document):
        document["circles"]["x"]["mail"]["password"] = "b"

    config_mod.edit_secrets(secrets, change)
    assert secrets.read_text().startswith("# mine\n")
    assert config_mod.load_secrets(secrets)["circles"]["x"]["mail"] == {"password": "b"}
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600

    missing = tmp_path / "new-secrets.toml"
    config_mod.edit_secrets(missing, lambda document: document.add("token", "t"))
    assert stat.S_IMODE(missing.stat().st_mode) == 0o600
    assert config_mod.load_secrets(missing) == {"token": "t"}
