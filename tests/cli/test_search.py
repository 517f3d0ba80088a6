"""`careerstats search` and the names of careers in compare, show, rank and history
(issue 12, points 1 and 2), driven as a user drives them: nothing imported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from careerstats.cli import app

runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def found(*args: str) -> Any:
    result = run("search", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def codes(*args: str) -> list[str]:
    return [hit["soc"] for hit in found(*args)["hits"]]


def refused(*args: str) -> str:
    """The one error line of a usage error (exit 2), with nothing on stdout."""
    result = run(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    return result.stderr.rstrip("\n")


# ---------------------------------------------------------------- search


def test_search_nurse_puts_registered_nurses_first_and_orders_ties_by_employment() -> None:
    document = found("nurse")
    first = document["hits"][0]
    assert first["soc"] == "29-1141"
    assert first["title"] == "Registered Nurses"
    assert first["level"] == "detailed"
    assert first["matched"] == {"name": "Registered Nurses", "as": "title"}
    assert first["employment"] == 3282010  # TOT_EMP of 29-1141 in May 2024
    assert first["median"] == {
        "period": "year",
        "value": 93600,
        "source": "oews-2024",
        "reference_period": "2024-05",
    }
    # Every detailed title with the word, most employed first (TOT_EMP, May 2024): LPNs
    # 632,430, nurse practitioners 307,390, anesthetists 50,350, midwives 8,280.
    assert [hit["soc"] for hit in document["hits"][:5]] == [
        "29-1141",
        "29-2061",
        "29-1171",
        "29-1151",
        "29-1161",
    ]


def test_search_ceo_finds_chief_executives_by_the_alternate_title() -> None:
    (hit,) = found("ceo")["hits"]
    assert hit["soc"] == "11-1011"
    assert hit["title"] == "Chief Executives"
    assert hit["matched"] == {"name": "CEO", "as": "alternate"}
    assert hit["median"]["value"] == 206420


@pytest.mark.parametrize("code", ["151252", "15-1252", " 15-1252 "])
def test_search_a_soc_code_with_or_without_its_dash(code: str) -> None:
    (hit,) = found(code)["hits"]
    assert (hit["soc"], hit["title"], hit["matched"]["as"]) == (
        "15-1252",
        "Software Developers",
        "code",
    )


@pytest.mark.parametrize(
    "words",
    [
        ("registered", "nurses"),
        ("Nurse", "REGISTERED"),
        ("registred", "nurse"),
        ("registered-nurse",),
        ("registered nurses",),
    ],
)
def test_search_forgives_plural_case_word_order_punctuation_and_a_typo(
    words: tuple[str, ...],
) -> None:
    assert codes(*words)[0] == "29-1141"


def test_search_software_engineer_is_the_alternate_title_of_software_developers() -> None:
    document = found("software", "engineer")
    assert document["hits"][0]["soc"] == "15-1252"
    assert document["hits"][0]["matched"] == {"name": "Software Engineer", "as": "alternate"}


def test_search_finds_groups_by_their_names() -> None:
    hits = found("computer and mathematical")["hits"]
    assert (hits[0]["soc"], hits[0]["level"]) == ("15-0000", "major")
    assert hits[0]["title"] == "Computer and Mathematical Occupations"


def test_search_finds_catalog_aliases() -> None:
    (hit,) = found("cs")["hits"]
    assert (hit["soc"], hit["career"], hit["alias"]) == (
        "43-4051",
        "customer-service-representatives",
        "cs",
    )


def test_search_limit_shows_the_first_n_and_counts_the_rest() -> None:
    document = found("teacher", "--limit", "3")
    assert document["limit"] == 3
    assert len(document["hits"]) == 3
    assert document["total"] > 3
    assert [hit["rank"] for hit in document["hits"]] == [1, 2, 3]


def test_search_a_top_coded_median_is_a_bound_not_a_figure() -> None:
    # 29-1211 Anesthesiologists: A_MEDIAN is "#" in May 2024, at or above $239,200.
    hit = found("anesthesiologist")["hits"][0]
    assert hit["soc"] == "29-1211"
    assert hit["median"]["at_least"] == 239200
    assert "value" not in hit["median"]
    table = run("search", "anesthesiologist")
    assert "≥ $239,200" in table.stdout


def test_search_table_is_one_line_per_hit_with_its_source() -> None:
    result = run("search", "nurse", "--limit", "2")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "7 occupations found for 'nurse', best first (the first 2; --limit N shows more)"
    )
    assert lines[2].split() == ["SOC", "level", "median", "source", "title"]
    assert lines[3].split() == [
        "29-1141",
        "detailed",
        "$93,600",
        "oews-2024",
        "Registered",
        "Nurses",
    ]
    assert lines[4].split()[:4] == ["29-2061", "detailed", "$62,340", "oews-2024"]
    assert "source: oews-2024: OEWS May 2024" in lines


def test_search_csv_has_a_header_and_a_row_per_hit() -> None:
    result = run("search", "ceo", "--csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows == [
        {
            "rank": "1",
            "soc": "11-1011",
            "title": "Chief Executives",
            "level": "detailed",
            "matched": "CEO",
            "matched_as": "alternate",
            "career": "11-1011",
            "alias": "",
            "employment": "211850",
            "median_period": "year",
            "median": "206420.00",
            "at_least": "false",
            "source": "oews-2024",
            "reference_period": "2024-05",
        }
    ]


@pytest.mark.parametrize(
    ("case", "words", "expected"),
    [
        ("Q1", ("",), "nothing to search for: no word or SOC code; give words of a title"),
        ("Q1", (",", "-"), "nothing to search for: no word or SOC code; give words of a title"),
        ("Q2", ("xyzzy",), "no occupation matches 'xyzzy'; give fewer or other words"),
        ("Q2", ("nurse", "xyzzy"), "no occupation matches 'nurse xyzzy'; give fewer"),
        ("Q3", ("nurse", "--limit", "0"), "a search shows at least 1 occupation, not 0"),
        ("Q4", ("nurse", "--json", "--csv"), "choose one of --json and --csv"),
    ],
)
def test_Q_a_search_that_cannot_be_answered_is_one_line_and_exit_2(
    case: str, words: tuple[str, ...], expected: str
) -> None:
    assert refused("search", *words).startswith(f"careerstats: error: {expected}")


def test_Q5_search_without_words_asks_for_them() -> None:
    result = run("search")
    assert result.exit_code == 2
    assert "WORDS" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# ---------------------------------------------------------------- names in other commands


@pytest.mark.parametrize("command", ["compare", "show", "history"])
@pytest.mark.parametrize(
    ("name", "code", "title"),
    [
        ("software developer", "15-1252", "Software Developers"),
        ("Software Developers", "15-1252", "Software Developers"),
        ("CEO", "11-1011", "Chief Executives"),
        ("chief executive", "11-1011", "Chief Executives"),  # not the broad group 11-1010
        ("151252", "15-1252", "Software Developers"),
        ("electrician", "47-2111", "Electricians"),
        ("cpa", "13-2011", "Accountants and auditors"),  # the catalog's career
    ],
)
def test_names_resolve_through_the_matcher(command: str, name: str, code: str, title: str) -> None:
    result = run(command, name, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    career = document["careers"][0] if command == "compare" else document["career"]
    assert (career["soc"], career["title"]) == (code, title)


def test_rank_takes_a_name_through_the_matcher() -> None:
    result = run("rank", "ceo", "206420", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["career"]["soc"] == "11-1011"
    assert document["percentile"] == 50


@pytest.mark.parametrize("command", ["compare", "show", "rank", "history"])
def test_a_name_taken_loosely_is_named_with_its_code_and_title(command: str) -> None:
    extra = ("100000",) if command == "rank" else ()
    result = run(command, "ceo", *extra, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "note: 'ceo' is 11-1011 Chief Executives\n"


def test_a_career_s_own_alias_code_or_title_gets_no_note() -> None:
    for name in ("cs", "43-4051", "434051", "customer service representative"):
        result = run("show", name, "--json")
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""


@pytest.mark.parametrize("command", ["compare", "show", "rank", "history"])
def test_N10_teacher_fits_many_titles_and_lists_them_best_first(command: str) -> None:
    extra = ("50000",) if command == "rank" else ()
    line = refused(command, "teacher", *extra)
    # The detailed occupations whose titles hold the word, most employed first (May 2024).
    assert line.startswith(
        "careerstats: error: 'teacher' fits 72 occupations: '25-2021' (elementary school "
        "teachers, except special education), '25-2031' (secondary school teachers, except "
        "special and career/technical education), '25-2022' (middle school teachers, except "
        "special and career/technical education), "
    )
    assert line.endswith(
        "and 67 more; give its SOC code or more of its title; 'careerstats search teacher' "
        "lists them all"
    )


def test_N10_nurse_lists_registered_nurses_first() -> None:
    assert refused("compare", "nurse") == (
        "careerstats: error: 'nurse' fits 5 occupations: '29-1141' (registered nurses), "
        "'29-2061' (licensed practical and licensed vocational nurses), '29-1171' (nurse "
        "practitioners), '29-1151' (nurse anesthetists), '29-1161' (nurse midwives); give its "
        "SOC code or more of its title; 'careerstats search nurse' lists them all"
    )


def test_N10_words_only_one_title_holds_name_it() -> None:
    result = run("show", "nurse anesthetists", "--json")
    assert json.loads(result.stdout)["career"]["soc"] == "29-1151"
    result = run("show", "anesthetist nurse", "--json")
    assert json.loads(result.stdout)["career"]["soc"] == "29-1151"


def test_N11_an_unknown_name_gets_the_closest_hits_and_the_search_command() -> None:
    # Nurse practitioners and anesthetists are "Advanced Practice Registered Nurses" too
    # (alternate titles): after the one whose title it is.
    assert refused("show", "registred nurse") == (
        "careerstats: error: unknown career 'registred nurse'; did you mean '29-1141' "
        "(registered nurses) or '29-1171' (nurse practitioners) or '29-1151' (nurse "
        "anesthetists)? 'careerstats search registred nurse' finds occupations by any of "
        "their words"
    )
    assert refused("show", "xyzzy") == (
        "careerstats: error: unknown career 'xyzzy'; no occupation is named like it; "
        "'careerstats search xyzzy' finds occupations by any of their words"
    )


def test_N12_an_empty_name_is_refused() -> None:
    assert refused("show", " ") == (
        "careerstats: error: no career is named by ' '; give an alias, SOC code or title; "
        "'careerstats search WORDS' finds one"
    )


def test_N13_a_code_without_its_dash_that_no_release_has() -> None:
    line = refused("show", "999999")
    assert line.startswith(
        "careerstats: error: no occupation with SOC code 99-9999 in the catalog or the OEWS data"
    )


def test_N14_a_very_long_name_is_cut_in_the_message() -> None:
    line = refused("show", "x" * 5000)
    assert "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (5,000 characters)" in line
    assert len(line) < 400


def test_a_title_only_an_older_release_uses_names_that_release_s_code() -> None:
    result = run("show", "software developers, applications", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["career"]["soc"] == "15-1132"


def test_N10_an_alternate_title_of_two_occupations_is_not_guessed() -> None:
    # "Road Grader" is a direct-match title of both 47-2073 and 47-2071.
    assert refused("show", "road grader") == (
        "careerstats: error: 'road grader' fits 2 occupations: '47-2073' (operating engineers "
        "and other construction equipment operators), '47-2071' (paving, surfacing, and "
        "tamping equipment operators); give its SOC code or more of its title; 'careerstats "
        "search road grader' lists them all"
    )


def test_search_an_hourly_only_occupation_shows_its_hourly_median() -> None:
    # 27-2011 Actors, May 2024: HOURLY is TRUE, H_MEDIAN 23.33, no annual figures.
    hit = found("actors")["hits"][0]
    assert hit["soc"] == "27-2011"
    assert hit["median"]["period"] == "hour"
    assert hit["median"]["value"] == 23.33
    assert "$23.33/h" in run("search", "actors", "--limit", "1").stdout


def test_search_finds_an_occupation_only_imported_data_has(files: Path) -> None:
    path = fx.national_csv_with(
        files, 2012, {"27-2011": {"OCC_CODE": "27-2098", "OCC_TITLE": "Quantum Jugglers"}}
    )
    assert run("data", "import", str(path)).exit_code == 0
    (hit,) = found("quantum", "juggler")["hits"]
    assert (hit["soc"], hit["title"]) == ("27-2098", "Quantum Jugglers")
    assert hit["median"] == {
        "period": "hour",
        "value": 23.33,  # the fixture's hourly median of the row
        "source": "oews-2012",
        "reference_period": "2012-05",
    }
    result = run("show", "quantum juggler", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["career"]["soc"] == "27-2098"


def test_search_a_code_only_older_releases_have_shows_the_newest_that_has_it() -> None:
    # 15-1132 "Software Developers, Applications" (SOC 2010), last published May 2018:
    # A_MEDIAN 103,620.
    (hit,) = found("151132")["hits"]
    assert (hit["soc"], hit["title"]) == ("15-1132", "Software Developers, Applications")
    assert hit["median"] == {
        "period": "year",
        "value": 103620,
        "source": "oews-2018",
        "reference_period": "2018-05",
    }


def test_rank_names_the_code_and_title_it_ranked_against() -> None:
    result = run("rank", "ceo", "100000")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("$100,000 a year for chief executives (11-1011; oews-2024,")
    assert result.stderr == "note: 'ceo' is 11-1011 Chief Executives\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from("abcdeilnorstuy -,'/0123456789É®"), min_size=0, max_size=24)
)
def test_any_words_get_matches_or_one_clean_error_line(text: str) -> None:
    """Whatever is typed, a search or a name gives a result or one error line, exit 2:
    never a traceback (exceptions are not caught by the runner here)."""
    for args in (("search", text, "--json"), ("show", text, "--json")):
        result = runner.invoke(app, list(args), catch_exceptions=False)
        if result.exit_code == 0:
            assert json.loads(result.stdout)
        else:
            assert result.exit_code == 2, result.stderr
            assert result.stdout == ""
            assert len(result.stderr.splitlines()) == 1
            assert result.stderr.startswith("careerstats: error: ")


def test_N15_a_control_character_in_a_name_never_reaches_the_terminal() -> None:
    line = refused("show", "nur\x1bse")
    assert line == (
        "careerstats: error: unknown career 'nur\\x1bse'; no occupation is named like it; "
        "'careerstats search nurse' finds occupations by any of their words"
    )
    assert "\x1b" not in refused("search", "nur\x1bse")


def test_a_control_character_in_an_imported_title_is_not_sent_to_the_terminal(
    files: Path,
) -> None:
    path = fx.national_csv_with(
        files, 2012, {"27-2011": {"OCC_CODE": "27-2098", "OCC_TITLE": "Quantum\x1b[31m Jugglers"}}
    )
    assert run("data", "import", str(path)).exit_code == 0
    result = run("search", "jugglers")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Quantum\\x1b[31m Jugglers" in result.stdout  # shown as its escape
    line = refused("show", "quantum jugglr")  # a slip: the closest occupations are offered
    assert "'27-2098' (quantum\\x1b[31m jugglers)" in line
    named = run("show", "quantum", "--json")  # a word only its title holds
    assert named.exit_code == 0, named.stderr
    assert named.stderr == "note: 'quantum' is 27-2098 Quantum\\x1b[31m Jugglers\n"


def test_on_a_terminal_a_line_is_cut_to_its_width_never_wrapped() -> None:
    from careerstats.core.search import search
    from careerstats.render.search_view import search_text
    from careerstats.sources.dataset import bundled

    text = search_text(search(bundled(), "software engineer"), 60)
    assert text.splitlines()[3:5] == [
        "15-1252  detailed  $133,080  oews-2024  Software Developers…",
        "15-1253  detailed  $102,610  oews-2024  Software Quality As…",
    ]
    assert max(len(line) for line in text.splitlines()[:5]) == 60


def test_search_csv_never_writes_a_cell_that_runs_as_a_formula(files: Path) -> None:
    path = fx.national_csv_with(
        files, 2012, {"27-2011": {"OCC_CODE": "27-2098", "OCC_TITLE": "=cmd Quantum Jugglers"}}
    )
    assert run("data", "import", str(path)).exit_code == 0
    result = run("search", "quantum", "--csv")
    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["soc"] == "27-2098"
    assert not row["title"].startswith("=")
    assert "=cmd Quantum Jugglers" in row["title"]
