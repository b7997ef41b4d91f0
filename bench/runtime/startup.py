#!/usr/bin/python3
"""Start-up cost of 10,000 registrations (used by run.sh): runs startup_10k and startup_none
alternately N times, and prints the median wall time of a whole process and the median time of
the static initialization before main (what the programs report with --report), as JSON.
startup.py <bin-dir> [N]"""
import json
import statistics
import subprocess
import sys
import time

bindir = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
progs = {'10k': f'{bindir}/startup_10k', 'none': f'{bindir}/startup_none'}
wall = {k: [] for k in progs}
quick = {k: [] for k in progs}
init = {k: [] for k in progs}
for k, p in progs.items():  # warm the page cache
    subprocess.run([p], check=True)
for _ in range(n):
    for k, p in progs.items():
        t0 = time.perf_counter()
        subprocess.run([p], check=True)
        wall[k].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([p, '--quick-exit'], check=True)
        quick[k].append(time.perf_counter() - t0)
        out = subprocess.run([p, '--report'], check=True, capture_output=True, text=True).stdout.split()
        init[k].append(int(out[0]))
        if k == '10k' and out[1] != '1':
            sys.exit('startup_10k: scale::C09999 is not registered')
print(json.dumps({
    'runs': n,
    'process_ms_10k': statistics.median(wall['10k']) * 1e3,
    'process_ms_none': statistics.median(wall['none']) * 1e3,
    'quick_exit_process_ms_10k': statistics.median(quick['10k']) * 1e3,
    'quick_exit_process_ms_none': statistics.median(quick['none']) * 1e3,
    'static_init_ms_10k': statistics.median(init['10k']) / 1e6,
    'static_init_ms_none': statistics.median(init['none']) / 1e6,
}, indent=1))
