"""Layouts that fit (docs/errors.md, rows L1-L9 and T20-T24): a row per career or release with
the statistics as columns, within the terminal's width and a screenful of lines, in a real
pseudo-terminal and through pipes; notes only for what is on the screen; citations a reader
can follow."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from conftest import Run, as_json
from rich.cells import cell_len

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")
FIVE = ("compare", "cs", "pr", "15-1252", "29-1141", "47-2111")


def terminal(*args: str, columns: int = 80) -> list[str]:
    """What a user sees on a terminal `columns` wide: stdout and stderr, styles removed."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "NO_COLOR"}}
    process = subprocess.Popen(
        [sys.executable, "-m", "careerstats", *args],
        stdout=child,
        stderr=child,
        env={**env, "TERM": "xterm-256color"},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=60) == 0
    os.close(main)
    text = ESCAPES.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")
    return text.rstrip("\n").split("\n")


def piped(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command with stdout and stderr to pipes (no terminal, no COLUMNS)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    return subprocess.run(
        [sys.executable, "-m", "careerstats", *args],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        check=True,
    )


@pytest.mark.parametrize(
    ("args", "most"),
    [
        (FIVE, 45),
        (("compare", "cs", "pr", "--source", "all"), 70),
        (("show", "cs"), 60),
    ],
    ids=["L1 compare of five careers", "L2 compare --source all", "L3 show"],
)
def test_L1_L2_L3_a_screenful_at_80_columns_in_a_terminal(args: tuple[str, ...], most: int) -> None:
    lines = terminal(*args)
    assert len(lines) <= most, "\n".join(lines)
    assert max(cell_len(line) for line in lines) <= 80


def test_L1_a_row_per_career_with_the_statistics_as_columns() -> None:
    lines = terminal(*FIVE)
    assert lines[0].startswith("Pay compared: oews-2024, May 2024")
    hourly = lines.index(next(line for line in lines if line.startswith("Hourly ")))
    assert lines[hourly].split() == ["Hourly", "10th", "25th", "median", "75th", "90th", "mean"]
    # May 2024 as published (national_M2024_dl.xlsx): software developers, 15-1252.
    row = next(line for line in lines[hourly:] if line.startswith("Software Developers"))
    assert row.split()[-6:] == ["$38.39", "$49.55", "$63.98", "$81.25", "$101.66", "$69.50"]
    annual = next(line for line in lines if line.startswith("Annual "))
    assert "median" in annual
    electricians = [line for line in lines if line.startswith("Electricians")]
    assert electricians[1].split()[-6:] == [
        "$39,430", "$48,820", "$62,350", "$81,730", "$106,030", "$69,630",
    ]  # fmt: skip
    # Employment as published and the projections, in the Jobs table.
    assert electricians[2].split()[1:] == [
        "742,580",
        "+$19,520",
        "(1.46x)",
        "818.7k",
        "+9.5%",
        "81.0k",
    ]


def test_L4_figures_are_right_aligned_so_the_decimals_line_up() -> None:
    lines = terminal(*FIVE)
    start = lines.index(next(line for line in lines if line.startswith("Hourly ")))
    rows = lines[start + 2 : start + 7]
    for column in range(6):  # the cents of each column end in the same place on every row
        ends = {list(re.finditer(r"\$[\d,]+\.\d\d", row))[column].end() for row in rows}
        assert len(ends) == 1, rows


def test_L4_a_mark_hangs_after_its_figure_so_the_digits_line_up(run: Run) -> None:
    out = run("compare", "cs", "pr", "--source", "bls-2008", "--no-chart").stdout
    hourly = out.split("\nHourly ")[1].splitlines()
    cs = next(line for line in hourly if line.startswith("Customer service"))
    pr = next(line for line in hourly if line.startswith("Public relations"))
    # The published $14.36 and the derived $24.65* (51,280 / 2,080): the cents end together.
    assert cs.index("$14.36") + 6 == pr.index("$24.65") + 6
    assert pr[pr.index("$24.65") + 6] == "*"


def test_L5_nothing_wraps_inside_a_word_at_40_columns() -> None:
    for args in (("compare", "cs", "pr"), ("show", "cs"), ("rank", "pr", "40000"), ("sources",)):
        narrow = terminal(*args, columns=40)
        assert max(cell_len(line) for line in narrow) <= 40
        # A word cut in two at 40 columns leaves pieces that are words neither at 200 columns
        # nor at 50, where the lines break elsewhere.
        other = " ".join(terminal(*args, columns=200) + terminal(*args, columns=50))
        words = set(re.findall(r"[A-Za-z][A-Za-z']*", other))
        for line in narrow:
            # An identifier may break after a hyphen: its pieces are checked one by one.
            for word in re.findall(r"[A-Za-z][A-Za-z']*", line.replace("\u2026", " ")):
                assert word in words, f"{word!r} (a piece of a word?) in {line!r}"


def test_L6_chart_labels_use_the_width() -> None:
    chart = terminal("compare", "cs", "pr", columns=160)
    bars = [line for line in chart if "\u25c6" in line and not line.startswith("\u251c")]
    assert bars[0].startswith("Customer service representatives ")  # not cut at 28
    assert bars[1].startswith("Public relations specialists ")


def test_L7_per_shows_one_period_and_takes_only_hour_or_year(run: Run) -> None:
    hourly = run("compare", "cs", "pr", "--per", "hour", "--no-chart").stdout
    assert "Hourly " in hourly
    assert "Annual " not in hourly
    assert "$20.59" in hourly
    assert "$42,830" not in hourly
    annual = run("show", "cs", "--per", "year").stdout
    assert "$42,830" in annual
    assert "$20.59" not in annual
    wrong = run("compare", "cs", "--per", "day")
    assert wrong.exit_code == 2
    assert wrong.stderr == "careerstats: error: --per shows hour or year figures, not 'day'\n"


def test_L8_below_100_columns_the_mean_moves_to_the_jobs_table(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = run(*FIVE, "--no-chart").stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    annual = next(line for line in lines if line.startswith("Annual "))
    assert "mean" not in annual
    jobs = next(line for line in lines if line.startswith("Jobs "))
    assert jobs.split()[1:3] == ["annual", "mean"]
    assert any(line.startswith("Electricians") and "$69,630" in line for line in lines)


def test_L9_full_shows_what_the_brief_views_leave_out(run: Run) -> None:
    brief = run("show", "cs").stdout
    assert "\nduties\n" not in brief
    assert "hourly pay, duties, education, skills, notes and articles: add --full" in brief
    full = run("show", "cs", "--full").stdout
    for heading in ("duties", "skills and qualities", "notes", "More figures from the sources"):
        assert heading in full
    assert "$14.36" in full  # the hourly figures too


def test_T20_piped_tables_carry_no_trailing_spaces() -> None:
    for args in (FIVE, ("compare", "cs", "pr", "--source", "all"), ("show", "cs", "--full"),
                 ("sources",), ("list",), ("history", "cs"), ("rank", "pr", "40000")):  # fmt: skip
        out = piped(*args).stdout
        assert [line for line in out.splitlines() if line != line.rstrip()] == [], args


def test_T21_a_pipe_without_columns_gets_whole_lines_notes_included() -> None:
    done = piped("compare", "29-1211")  # May 2024: anesthesiologists' top-coded figures
    source = (
        "oews-2024: U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
        "Statistics (OEWS; called OES until 2020), May 2024"
    )
    assert source in done.stdout.splitlines()
    assert done.stderr.splitlines() == [
        "note: oews-2024: # (top-coded) figures are at least $115.00 an hour or $239,200 a "
        "year (as the workbook states)"
    ]
    rank = piped("rank", "pr", "40000").stdout.splitlines()
    assert rank[0] == (
        "$40,000 a year for public relations specialists (oews-2024, May 2024): below the "
        "10th percentile"
    )
    # With COLUMNS the width is the user's: the same lines wrapped at it.
    narrow = piped("compare", "29-1211", env={"COLUMNS": "60"})
    assert max(cell_len(line) for line in narrow.stdout.splitlines()) <= 60
    assert len(narrow.stderr.splitlines()) == 2


def test_T22_a_note_only_for_a_figure_on_the_screen(run: Run) -> None:
    # Software developers' May 2024 figures are all exact: no note on top-coding.
    assert run("compare", "15-1252").stderr == ""
    top_coded = run("compare", "29-1211")
    assert "# (top-coded) figures are at least $115.00 an hour" in top_coded.stderr
    assert "\u2265 top-coded by BLS" in top_coded.stdout  # the legend of the mark, too
    assert "\u2265 top-coded" not in run("compare", "15-1252").stdout
    # show --full lists the sources' notes: no release's top-coding note for customer service,
    # none of whose figures is top-coded.
    assert "(top-coded) figures are at least" not in run("show", "cs", "--full").stdout
    # Many sources' notes: counted, and read with --full.
    many = run("compare", "cs", "pr", "--source", "all")
    assert many.stderr == "note: 9 notes on these sources and figures: add --full to read them\n"
    full = run("compare", "cs", "pr", "--source", "all", "--full").stderr.splitlines()
    assert len([line for line in full if line.startswith("note: ")]) == 9


def test_T23_rank_explains_its_method_on_request(run: Run) -> None:
    plain = run("rank", "pr", "40000").stdout
    assert "method:" not in plain
    assert "below the 10th percentile" in " ".join(plain.split())
    explained = " ".join(run("rank", "pr", "40000", "--explain").stdout.split())
    assert "method: linear interpolation" in explained
    assert "linear interpolation" in " ".join(run("rank", "--help").stdout.split())


def test_T24_employment_is_a_number_in_json_and_a_column(run: Run) -> None:
    document = as_json(run("compare", "cs", "pr", "--json"))
    cs, pr = document["careers"]
    # TOT_EMP of 43-4051 and 27-3031 in national_M2024_dl.xlsx.
    assert (cs["employment"], pr["employment"]) == (2725930, 280590)
    assert not [note for note in cs["notes"] if "employment" in note]
    show = as_json(run("show", "cs", "--json"))
    by_source = {item["source"]["id"]: item for item in show["sources"]}
    assert by_source["oews-2024"]["employment"] == 2725930
    assert by_source["payscale"]["employment"] is None
    table = run("compare", "cs", "pr", "--no-chart").stdout
    assert re.search(r"\nCustomer service represent\S* +2,725,930 ", table)


FILE_NUMBERS = re.compile(r"\b(files? \d{3}|articles? \d{3}|\d{3}/\d{3}|\b00[0-4]:)", re.I)


def test_citations_name_the_articles_never_internal_file_numbers(run: Run) -> None:
    outputs = [
        run("show", "cs", "--full").stdout,
        run("show", "pr", "--full").stdout,
        run("show", "receptionist", "--full").stdout,
        run("compare", "cs", "pr", "--source", "all", "--full").stdout,
        run("compare", "cs", "pr", "--source", "all", "--full").stderr,
        run("sources").stdout,
        run("show", "cs", "--json").stdout,
        run("sources", "--json").stdout,
    ]
    for text in outputs:
        assert not FILE_NUMBERS.search(text), FILE_NUMBERS.search(text)
    full = " ".join(outputs[0].split())
    # The Hindi translation by its own title; the Thai one by language, subject and date.
    assert '"कैसे ग्राहक सेवा सार्वजनिक संबंधों से अलग है?"' in full
    assert "Thai translation of a US article on the work and pay of customer service" in full
    assert "about 2018" in full
    sources = {item["id"]: item for item in json.loads(outputs[7])["sources"]}
    assert sources["bls-2008"]["cited_in"][0].startswith("Filipino translation of a US article")
    table = " ".join(run("compare", "cs", "pr", "--source", "bls-2008").stdout.split())
    assert "as quoted in Filipino translation of a US article" in table


def test_the_data_files_carry_no_internal_file_numbers() -> None:
    data = Path(__file__).parents[2] / "data"
    for name in ("careers.yaml", "bls_2008.yaml", "bls_2017.yaml", "payscale.yaml"):
        text = "\n".join(
            line
            for line in (data / name).read_text().splitlines()
            if not line.lstrip().startswith("#")
        )
        assert not FILE_NUMBERS.search(text), (name, FILE_NUMBERS.search(text))


def test_L8_figures_too_wide_for_rows_become_blocks_never_cut(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Adjusted figures carry the published one below them: across releases at 80 columns the
    # five percentiles no longer fit beside a readable label, so each row becomes a block.
    monkeypatch.setenv("COLUMNS", "80")
    out = run("compare", "cs", "--source", "all", "--in-dollars-of", "2024", "--no-chart").stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert not [line for line in lines if line.startswith("\u2026")]
    assert "Customer service representatives (oews-2024)" in lines
    # May 2024's annual median, $42,830, in 2024 annual-average dollars (x 313.689 / 314.069).
    assert re.search(r"annual median +\$42,778\.18\^", out)
    assert out.count("employment 2024: 2,814.0 thousand") == 1  # the career's, shown once


def test_L4_narrow_blocks_put_every_careers_figures_in_one_column(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("compare", "cs", "pr", "--source", "bls-2008", "--no-chart").stdout
    medians = [line for line in out.splitlines() if line.startswith("hourly median ")]
    # $14.36 as published, $24.65 derived from $51,280 / 2,080: the cents end together.
    assert [line.rstrip("*") for line in medians] == [
        "hourly median                   $14.36",
        "hourly median                   $24.65",
    ]
