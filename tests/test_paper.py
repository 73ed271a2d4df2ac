"""Printed documents: real PDFs read back with poppler's pdftotext, rendered with pdftoppm
(the page images are kept in $VOORZORG_ARTIFACTS for CI), and served over real HTTP."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.serving import PASSWORD, Server, voorzorg

A, B = "zorgsaam", "samenspel"
ARTIFACTS = Path(os.environ.get("VOORZORG_ARTIFACTS") or tempfile.gettempdir()) / "paper"


def text_of(pdf: Path | bytes) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def pages_rendered(pdf: Path, name: str) -> list[Path]:
    """Every page as a PNG (pdftoppm) in the artifacts folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / name
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(prefix)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def not_blank(png: Path) -> bool:
    from PIL import Image, ImageStat

    with Image.open(png) as image:
        grey = image.convert("L")
        variance = ImageStat.Stat(grey).var[0]
        dark = sum(grey.histogram()[:128])
    return variance > 50 and dark > 500


@pytest.fixture
def circles(circle, cli, tmp_path):
    """Two circles; in A members with Dutch names, consents, a restricted and a left one."""
    assert cli("circle", "add", B, "--name", "SamenSpel").code == 0
    add = [
        ("Zoë Ëlberg", "--phone", "06-11111111", "--contact-via", "telefoon",
         "--offers", "vervoer,tuin", "--consent", "matching,emergency_card",
         "--address", "Fluitstraat 1", "--connector"),
        ("José Müller", "--phone", "06-22222222", "--contact-via", "aan de deur",
         "--offers", "boodschappen", "--consent", "matching"),
        ("Loïs Óndermaat", "--phone", "06-33333333", "--contact-via", "telefoon",
         "--email", "lois@example.org", "--offers", "tuin"),
        ("Wim Whatsapp", "--phone", "06-44444444", "--contact-via", "whatsapp",
         "--consent", "emergency_card"),
        ("Rita Beperkt", "--phone", "06-55555555", "--contact-via", "telefoon",
         "--consent", "matching,emergency_card", "--offers", "vervoer"),
        ("Lars Vertrokken", "--phone", "06-66666666", "--contact-via", "telefoon",
         "--consent", "matching", "--offers", "vervoer"),
    ]  # fmt: skip
    for name, *options in add:
        result = cli("member", "add", "-c", A, name, *options)
        assert result.code == 0, result.err
    assert cli("member", "restrict", "-c", A, "Rita Beperkt").code == 0
    assert cli("member", "leave", "-c", A, "Lars Vertrokken").code == 0
    result = cli("member", "add", "-c", B, "Bram Buitenkring", "--phone", "06-99999999",
                 "--contact-via", "telefoon", "--offers", "vervoer", "--consent",
                 "matching,emergency_card", "--connector")  # fmt: skip
    assert result.code == 0, result.err
    out = tmp_path / "out"
    out.mkdir()
    return out


OTHERS = ("Rita", "Lars", "Bram", "06-55555555", "06-66666666", "06-99999999")


def test_phone_list_holds_the_circles_active_members_with_dutch_characters(circles, cli):
    result = cli("print", "phone-list", "-c", A, cwd=circles)
    assert result.code == 0, result.err
    pdf = circles / "telefoonlijst-zorgsaam.pdf"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert str(pdf) in result.out and "Vertrouwelijk" in result.out
    text = text_of(pdf)
    for name in ("Zoë Ëlberg", "José Müller", "Loïs Óndermaat", "Wim Whatsapp", "06-11111111"):
        assert name in text
    assert "Telefoonlijst ZorgSaam" in text
    assert "vertrouwelijk" in text and "pagina 1 van 1" in text
    assert any(day in text for day in (" ma ", " di ", " wo ", " do ", " vr ", " za ", " zo "))
    for other in OTHERS:
        assert other not in text
    assert all(not_blank(png) for png in pages_rendered(pdf, "telefoonlijst"))


def test_without_a_smartphone_means_phone_or_door_and_no_email(circles, cli):
    out = circles / "zonder.pdf"
    assert cli("print", "phone-list", "-c", A, "--zonder-smartphone", "--out", out).code == 0
    text = text_of(out)
    assert "Zoë Ëlberg" in text and "José Müller" in text
    assert "Loïs" not in text  # has e-mail
    assert "Wim" not in text  # WhatsApp
    assert "2 deelnemers op deze lijst" in text
    only = circles / "whatsapp.pdf"
    assert cli("print", "phone-list", "-c", A, "--contact-via", "app", "--out", only).code == 0
    text = text_of(only)
    assert "Wim Whatsapp" in text and "Zoë" not in text


def test_who_does_what_lists_only_members_who_agreed_to_matching(circles, cli):
    out = circles / "wdw.pdf"
    assert cli("print", "who-does-what", "-c", A, "--out", out).code == 0
    text = text_of(out)
    assert "Wie doet wat" in text and "vertrouwelijk" in text
    assert "Zoë Ëlberg" in text and "José Müller" in text
    assert "Loïs" not in text  # offers help but gave no consent matching
    assert "Vervoer" in text and "Boodschappen" in text
    for other in OTHERS:
        assert other not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert all(not_blank(png) for png in pages_rendered(out, "wie-doet-wat"))


def test_emergency_card_only_with_consent(circles, cli):
    refused = cli("print", "emergency-card", "-c", A, "José Müller", cwd=circles)
    assert refused.code == 1
    assert "toestemming 'noodkaart'" in refused.err and "Traceback" not in refused.err
    assert not list(circles.glob("*.pdf"))
    assert cli("print", "emergency-card", "-c", A, "Rita Beperkt", cwd=circles).code == 1
    result = cli("print", "emergency-card", "-c", A, "--all", cwd=circles)
    assert result.code == 0, result.err
    assert "2 noodkaarten" in result.out
    pdf = circles / "noodkaarten-zorgsaam.pdf"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    text = text_of(pdf)
    assert "Noodkaart" in text and "112" in text and "pagina 2 van 2" in text
    assert "Zoë Ëlberg" in text and "Wim Whatsapp" in text
    assert "José" not in text and "Loïs" not in text
    # Wim's card names the circle's connector, Zoë, to call
    wim_page = next(page for page in text.split("\f") if "Wim Whatsapp" in page)
    assert "Zoë Ëlberg" in wim_page and "06-11111111" in wim_page
    for other in OTHERS:
        assert other not in text
    assert all(not_blank(png) for png in pages_rendered(pdf, "noodkaarten"))


def test_intake_form_has_the_codes_categories_consents_and_version(circles, cli):
    from voorzorg.paper.documents import form_version

    result = cli("print", "intake-form", "-c", A, cwd=circles)
    assert result.code == 0, result.err
    pdf = circles / "aanmeldformulier-zorgsaam.pdf"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o644
    text = text_of(pdf)
    assert "vertrouwelijk" not in text
    for words in ("Aanmelden bij ZorgSaam", "Geboortejaar", "aan de deur", "digitale hulp",
                  "even langs", "Koppelen", "Statistiek", "Welbevinden", "Noodkaart",
                  "Tekstversie: " + form_version(), "Handtekening"):  # fmt: skip
        assert words in " ".join(text.split()), words
    assert form_version() in result.out
    # The wellbeing consent says where the answers can go: pooled figures, never the note.
    assert (
        "tellen mijn antwoorden (nooit mijn notitie) mee in geanonimiseerde cijfers van "
        "minstens 3 cirkels samen" in " ".join(text.split())
    )
    assert all(not_blank(png) for png in pages_rendered(pdf, "aanmeldformulier"))


def test_member_form_follows_the_form_and_records_the_text_version(circles, cli):
    from voorzorg.paper.documents import form_version

    answers = "\n".join([
        "Ëvi de Vries", "Dorpsstraat 3", "1234ab", "06-12345678", "", "19x", "1950",
        "telefoon", "vervoer, tuin", "boodschappen", "j", "nee", "n", "ja", "ja",
    ]) + "\n"  # fmt: skip
    result = cli("member", "form", "-c", A, "--recorded-by", "Els", "--json", input=answers)
    assert result.code == 0, result.err
    member = result.json
    assert member["name"] == "Ëvi de Vries" and member["postcode"] == "1234 AB"
    assert member["birth_year"] == 1950 and member["contact_via"] == "phone"
    assert member["offers"] == ["transport", "garden"] and member["needs"] == ["errands"]
    assert member["consents"] == ["emergency_card", "matching"]
    shown = cli("member", "show", "-c", A, str(member["id"]), "--json").json
    assert {c["text_version"] for c in shown["consent_history"]} == {form_version()}
    assert "Geboortejaar" in result.err  # asked again after "19x"


def test_member_form_drops_needs_without_matching_and_stores_nothing_unfinished(circles, cli):
    answers = "Noor Zonder\n\n\n\n\n\n\n\nvervoer\nn\nn\nn\nn\nj\n"
    result = cli("member", "add", "-c", A, "--from-form", "--json", input=answers)
    assert result.code == 0, result.err
    assert result.json["needs"] == [] and "koppelen" in result.err
    before = len(cli("member", "list", "-c", A, "--json").json)
    broken = cli("member", "form", "-c", A, input="Half Af\nStraat 1\n")
    assert broken.code == 1 and "niets opgeslagen" in broken.err
    mixed = cli("member", "add", "-c", A, "--from-form", "Jan", input="")
    assert mixed.code == 1 and "--from-form" in mixed.err
    missing = cli("member", "add", "-c", A)
    assert missing.code == 2 and "Ontbrekend argument 'NAAM...'" in missing.err
    assert len(cli("member", "list", "-c", A, "--json").json) == before


def test_poster_expands_recurrences_marks_cancellations_and_has_a_qr_code(circles, cli):
    made = cli("activity", "add", "-c", A, "Koffieochtend", "--start", "2027-03-04 10:00",
               "--duration", "2h", "--weekly", "--location", "Buurthuis Ons Café",
               "--json")  # fmt: skip
    assert made.code == 0, made.err
    ident = str(made.json["id"])
    assert cli("activity", "cancel", "-c", A, ident, "--on", "2027-03-11",
               "--note", "zaal bezet").code == 0  # fmt: skip
    result = cli("print", "poster", "-c", A, "--month", "maart 2027", cwd=circles)
    assert result.code == 0, result.err
    assert "agendasleutel" in result.out
    pdf = circles / "affiche-zorgsaam-2027-03.pdf"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o644
    text = text_of(pdf)
    assert "activiteiten in maart 2027" in " ".join(text.split())
    for day in ("donderdag 4 mrt", "donderdag 11 mrt", "donderdag 18 mrt", "donderdag 25 mrt"):
        assert day in text
    assert text.count("Koffieochtend") == 4 and "Afgelast: zaal bezet" in text
    assert "Café" in text and "vertrouwelijk" not in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert len(images.stdout.strip().splitlines()) == 3  # header, rule, the QR code
    tokens = cli("feed", "token", "list", "-c", A, "--json").json
    assert [t["label"] for t in tokens] == ["affiche maart 2027"]
    assert all(not_blank(png) for png in pages_rendered(pdf, "affiche"))
    # an existing circle token is used as given; no new one is made
    key = cli("feed", "token", "add", "-c", A, "--label", "prikbord", "--json").json["token"]
    again = circles / "again.pdf"
    assert cli("print", "poster", "-c", A, "--month", "2027-03", "--token", key,
               "--out", again).code == 0  # fmt: skip
    assert len(cli("feed", "token", "list", "-c", A, "--json").json) == 2


def test_english_with_lang_en(circles, cli):
    out = circles / "phones.pdf"
    assert cli("--lang", "en", "print", "phone-list", "-c", A, "--out", out).code == 0
    text = text_of(out)
    assert "Phone list ZorgSaam" in text and "confidential" in text and "page 1 of 1" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("phone-list", "--out", "nergens/lijst.pdf"), "bestaat niet"),
        (("phone-list", "--out", "lijst.txt"), ".pdf"),
        (("poster", "--month", "smarch"), "Welke maand"),
        (("poster", "--token", "x" * 43), "sleutel"),
        (("poster", "--out", "nergens/affiche.pdf"), "bestaat niet"),
        (("emergency-card",), "--all"),
        (("phone-list", "--contact-via", "postduif"), "postduif"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_no_file(circles, cli, args, message):
    result = cli("print", args[0], "-c", A, *args[1:], cwd=circles)
    assert result.code == 1 and message in result.err, result.err
    assert "Traceback" not in result.err
    assert list(circles.iterdir()) == []
    assert cli("feed", "token", "list", "-c", A, "--json").json == []  # no key made


def test_the_consent_purpose_is_in_the_register_and_the_export(circles, cli, deployment):
    register = cli("register")
    assert register.code == 0 and "noodkaart" in register.out
    exported = cli("member", "export", "-c", A, "Zoë Ëlberg", "--json", cwd=circles)
    assert exported.code == 0, exported.err
    purposes = {c["purpose"] for c in json.loads(exported.out)["consents"]}
    assert "emergency_card" in purposes


def test_downloads_for_a_coordinator_of_that_circle_only(circles, cli, deployment):
    config = deployment / "config.toml"
    for args in (("coord-a", "--coordinator", A), ("coord-b", "--coordinator", B),
                 ("welfare", "--welfare"), ("operator", "--operator")):  # fmt: skip
        made = voorzorg(config, "user", "add", *args, "--password-stdin", input=PASSWORD + "\n")
        assert made.returncode == 0, made.stderr
    server = Server(config, deployment / "serve.log")
    try:
        clients = {
            "anonymous": server.client(),
            "coord_b": server.login("coord-b"),
            "welfare": server.login("welfare"),
            "operator": server.login("operator"),
        }
        coordinator = server.login("coord-a")
        for name in ("telefoonlijst", "wie-doet-wat", "aanmeldformulier", "affiche",
                     "noodkaarten"):  # fmt: skip
            path = f"/{A}/-/afdrukken/{name}.pdf"
            response = coordinator.get(path)
            assert response.status_code == 200, (name, response.text[:200])
            assert response.headers["content-type"] == "application/pdf"
            text = text_of(response.content)
            assert "ZorgSaam" in text
            for other in OTHERS:
                assert other not in text
            protected = {role: c.get(f"/{A}").status_code for role, c in clients.items()}
            refused = {role: c.get(path).status_code for role, c in clients.items()}
            assert refused == protected == {
                "anonymous": 302, "coord_b": 403, "welfare": 403, "operator": 403
            }  # fmt: skip
            assert clients["anonymous"].get(path).headers["location"].startswith("/-/login")
        assert "Zoë Ëlberg" in text_of(
            coordinator.get(f"/{A}/-/afdrukken/telefoonlijst.pdf").content
        )
        assert coordinator.get(f"/{B}/-/afdrukken/telefoonlijst.pdf").status_code == 403
        assert coordinator.get(f"/{A}/-/afdrukken/iets-anders.pdf").status_code == 404
    finally:
        server.stop()
