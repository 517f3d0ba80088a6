"""`careerstats list`: the newest release's occupations under their major groups, one line
each at any width: cut with an ellipsis on a terminal, whole when piped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import Run, as_json
from test_terminals_and_pipes import in_terminal

DATA = Path(__file__).parents[2] / "data"
# The longest detailed title of May 2024 (checked in national_M2024_dl.xlsx).
LONG = "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive"


def published_2024() -> list[dict[str, str]]:
    with (DATA / "oews" / "oews-2024.csv").open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_list_on_a_terminal_is_one_line_per_occupation_cut_never_wrapped(columns: int) -> None:
    out = in_terminal(("list",), {"TERM": "xterm-256color"}, columns=columns)
    lines = out.replace("\r\n", "\n").splitlines()
    body = [line for line in lines if line.startswith("  ")]
    detailed = {row["OCC_CODE"] for row in published_2024() if row["O_GROUP"] == "detailed"}
    assert len(body) == len(detailed) == 831  # one line each: nothing folded onto a second
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    assert LONG not in out
    assert "  43-6014  Secretaries and Admin" in out
    assert "\u2026" in out
    cs = next(line for line in body if line.startswith("  43-4051"))
    assert cs.endswith("]") or columns < 60  # the catalog's mark stays where it fits


def test_list_on_a_wide_terminal_cuts_only_what_does_not_fit() -> None:
    out = in_terminal(("list",), {"TERM": "xterm-256color"}, columns=120)
    assert f"  43-6014  {LONG}\r\n" in out
    lines = out.replace("\r\n", "\n").splitlines()
    assert all(len(line) == 120 for line in lines if line.endswith("\u2026"))


def test_list_piped_keeps_every_title_whole(run: Run) -> None:
    out = run("list").stdout
    assert f"  43-6014  {LONG}\n" in out
    assert "\u2026" not in out
    titles = {row["OCC_TITLE"] for row in published_2024() if row["O_GROUP"] == "detailed"}
    assert all(f"  {title}" in out for title in titles)


def test_list_group_and_level(run: Run) -> None:
    document = as_json(run("list", "--group", "43-4000", "--level", "broad", "--json"))
    (section,) = document["major_groups"]
    assert section["code"] == "43-0000"
    expected = sorted(
        (row["OCC_CODE"], row["OCC_TITLE"])
        for row in published_2024()
        if row["O_GROUP"] == "broad" and row["OCC_CODE"].startswith("43-4")
    )
    assert [(item["soc"], item["title"]) for item in section["occupations"]] == expected
    majors = as_json(run("list", "--level", "major", "--json"))
    (only,) = majors["major_groups"]
    assert only["code"] is None  # major groups are not listed under themselves
    assert len(only["occupations"]) == 22
    table = run("list", "--group", "information and record clerks", "--level", "broad").stdout
    assert table.startswith(
        "Broad occupations in 43-4000 Information and Record Clerks\n"
        "OEWS May 2024 national estimates, all industries (oews-2024)\n\n"
        "43-0000 Office and Administrative Support Occupations\n"
        "  43-4010  Brokerage Clerks\n"
    )


def test_list_source_keeps_showing_a_releases_published_figures(run: Run) -> None:
    document = as_json(run("list", "--source", "oews-2024", "--json"))
    assert len(document["occupations"]) == len({row["OCC_CODE"] for row in published_2024()})
    majors = as_json(run("list", "--source", "oews-2024", "--level", "major", "--json"))
    assert [item["soc"] for item in majors["occupations"]] == [
        row["OCC_CODE"] for row in published_2024() if row["O_GROUP"] == "major"
    ]
    group = as_json(run("list", "--source", "oews-2013", "--group", "15", "--json"))
    assert group["occupations"]
    assert all(item["soc"].startswith("15-") for item in group["occupations"])


def test_list_json_and_csv_conflict(run: Run) -> None:
    result = run("list", "--json", "--csv")
    assert (result.exit_code, result.stderr) == (
        2,
        "careerstats: error: choose one of --json and --csv\n",
    )
