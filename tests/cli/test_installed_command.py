"""The installed `careerstats` command, run in a subprocess from an unrelated directory.

This is how users and scripts meet the program: the console script, the data shipped in
the package, real pipes and real exit statuses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("careerstats")


def careerstats(
    *args: str, cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    if not COMMAND.exists():
        pytest.fail(f"{COMMAND} is missing: install the package (pip install '.[test]') first")
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "FORCE_COLOR"}}
    return subprocess.run(
        [str(COMMAND), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_convert_from_another_directory(tmp_path: Path) -> None:
    done = careerstats("convert", "14.36", "--from", "hour", "--to", "year", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "29868.80\n", "")


def test_streaming_through_a_pipe(tmp_path: Path) -> None:
    done = careerstats("convert", "-", "--to", "year", cwd=tmp_path, stdin="14.36\n15.81\n")
    assert (done.returncode, done.stdout) == (0, "29868.80\n32884.80\n")


def test_compare_table_without_a_terminal_has_no_escape_codes(tmp_path: Path) -> None:
    done = careerstats("compare", "cs", "pr", cwd=tmp_path)
    assert done.returncode == 0
    # The shipped official release of May 2024: the annual medians of 43-4051 and 27-3031.
    assert "$42,830" in done.stdout
    assert "$69,780" in done.stdout
    seeds = careerstats("compare", "cs", "pr", "--source", "bls-2008", cwd=tmp_path)
    assert "$51,280" in seeds.stdout
    assert "$29,868.80*" in seeds.stdout
    assert "\x1b[" not in done.stdout
    # Tables at Rich's 80 columns; the legend's paragraphs whole, not wrapped for a pipe.
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines if "$" in line) <= 80
    assert any(line.startswith("oews-2024: U.S. Bureau") and len(line) > 80 for line in lines)
    assert all(line == line.rstrip() for line in lines)
    # No figure shown is top-coded, so no note on top-coding (nor any other) on stderr.
    assert done.stderr == ""


def test_compare_json_uses_the_shipped_data(tmp_path: Path) -> None:
    published = {"derived": False, "basis": "published"}
    done = careerstats("compare", "cs", "pr", "--json", cwd=tmp_path)
    assert done.returncode == 0
    document = json.loads(done.stdout)
    assert document["chosen_source"] == "oews-2024"
    assert document["careers"][1]["wages"]["year"]["median"] == {"value": 69780, **published}
    done = careerstats("compare", "cs", "pr", "--source", "bls-2008", "--json", cwd=tmp_path)
    document = json.loads(done.stdout)
    assert document["careers"][1]["wages"]["year"]["median"] == {"value": 51280, **published}


def test_usage_error_status_and_one_line(tmp_path: Path) -> None:
    done = careerstats("compare", "cs", "influencer", cwd=tmp_path)  # 'plumber' is 47-2152
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "'careerstats search influencer'" in done.stderr
    typo = careerstats("compare", "cs", "custmer service", cwd=tmp_path)
    assert "did you mean 'cs' (customer service representatives) or '43-4021'" in typo.stderr


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path: Path) -> None:
    amounts = "14.36\n" * 200_000
    script = f"'{COMMAND}' convert - --to year | head -1"
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        input=amounts,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == "29868.80\n"
    assert "Traceback" not in done.stderr
    assert done.stderr == ""


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "careerstats", "convert", "51280", "--from", "year", "--to", "hour"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "24.65\n")


def test_help_of_a_command_and_an_unknown_command(tmp_path: Path) -> None:
    done = careerstats("convert", "--help", cwd=tmp_path)
    assert done.returncode == 0
    assert "careerstats convert" in done.stdout
    assert "--hours-per-week" in done.stdout
    done = careerstats("frobnicate", cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert "frobnicate" in done.stderr


def test_the_data_group_runs_as_installed(tmp_path: Path) -> None:
    done = careerstats("data", "audit", "--json", cwd=tmp_path)
    assert done.returncode == 0
    assert json.loads(done.stdout)["findings"]


def test_search_as_installed_writes_whole_lines_when_piped(tmp_path: Path) -> None:
    done = careerstats("search", "software", "engineer", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    # Piped, without COLUMNS: the title and the alternate title that matched are whole.
    assert (
        lines[3]
        == "15-1252  detailed  $133,080  oews-2024  Software Developers, as Software Engineer"
    )
    assert lines[4].endswith("Software Quality Assurance Analysts and Testers, as Software "
                             "Quality Engineer")  # fmt: skip


def test_a_name_fitting_several_occupations_exits_2_as_installed(tmp_path: Path) -> None:
    done = careerstats("compare", "teacher", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("careerstats: error: 'teacher' fits 72 occupations: '25-2021'")
    assert len(done.stderr.splitlines()) == 1


def test_the_installed_command_prints_the_shipped_schemas_and_streams_json_lines(
    tmp_path: Path,
) -> None:
    done = careerstats("schema", "compare", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "Comparison" in document["$defs"]
    lines = careerstats("convert", "-", "--jsonl", cwd=tmp_path, stdin="14.36\n55k\n")
    assert lines.returncode == 0, lines.stderr
    assert [json.loads(line)["result"] for line in lines.stdout.splitlines()] == [
        29868.8,  # 14.36 x 2,080
        114400000,  # 55,000 x 2,080
    ]
    quiet = careerstats("rank", "cs", "15", "-q", cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, "")
