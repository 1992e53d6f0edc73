"""Smoke test: `csto-timeline bench` runs end to end on a small archive and writes the JSON shape."""
from __future__ import annotations

import json
from pathlib import Path

from viewer.cli import main

RUN_KEYS = {"events", "build_s", "build_mb_per_s", "add_one_s", "store_mb", "cold_start_s", "frame_ms",
            "filter_ms", "export_1000_s", "export_pages", "rss_mb", "accuracy"}


def test_bench_writes_the_json_shape(tmp_path: Path, capsys) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", "--events", "200", "--json", str(out), "--workdir", str(tmp_path / "work")]) == 0
    result = json.loads(out.read_text("utf-8"))
    assert set(result) >= {"machine", "runs"} and result["machine"]["cores"] >= 1
    [run] = result["runs"]
    assert run["events"] == 200 and RUN_KEYS <= set(run)
    assert all(isinstance(run[k], (int, float)) for k in ("build_s", "store_mb", "add_one_s"))
    for group, keys in (("frame_ms", {"fit", "year", "week", "sequence"}),
                        ("filter_ms", {"text", "person", "body", "date", "combined"})):
        if run[group] is not None:
            assert set(run[group]) == keys and all({"p50", "p95"} <= set(v) for v in run[group].values())
    if run["accuracy"] is not None:
        assert {"events", "people", "decisions"} <= set(run["accuracy"])
    assert "build s" in capsys.readouterr().out
