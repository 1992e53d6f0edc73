"""Extraction speed on one core: MB of release text per second of CPU, best of several runs."""
from __future__ import annotations

import argparse
import time

from viewer.extract import extract_document
from viewer.resources import seeds_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size: the seeds repeated")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    size = sum(len(s.encode("utf-8")) for s in seeds)
    copies = max(1, round(args.mb * 1e6 / size))
    corpus = [(f"{i:05d}_{n}.txt", text) for i in range(copies) for n, text in enumerate(seeds)]
    mb = size * copies / 1e6
    extract_document(seeds[0], "warm-up.txt")  # vocabulary loads once per process
    best = float("inf")
    for run in range(args.runs):
        started = time.process_time()
        for name, text in corpus:
            extract_document(text, name)
        elapsed = time.process_time() - started
        best = min(best, elapsed)
        print(f"run {run + 1}: {mb:.2f} MB in {elapsed:.2f} s of CPU = {mb / elapsed:.2f} MB/s")
    print(f"best: {mb / best:.2f} MB/s on one core ({len(corpus)} files)")


if __name__ == "__main__":
    main()
