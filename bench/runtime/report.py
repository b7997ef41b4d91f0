#!/usr/bin/python3
"""Prints the benchmark ratios side by side with the targets (used by run.sh).
report.py <results-dir>: reads bench_runtime.<n>.json (one per process), registry_lookup.json
(Google Benchmark JSON), python.json, alloc.json and startup.json from that directory."""
import glob
import json
import os
import statistics
import sys

d = sys.argv[1]


def gbench(name):
    with open(os.path.join(d, name)) as f:
        data = json.load(f)
    out = {}
    for b in data['benchmarks']:
        # With repetitions, keep the medians; without, the single run.
        if b.get('run_type') == 'aggregate' and b.get('aggregate_name') != 'median':
            continue
        key = b.get('run_name', b['name'])
        unit = {'ns': 1, 'us': 1e3, 'ms': 1e6, 's': 1e9}[b.get('time_unit', 'ns')]
        out[key] = {'ns': b['real_time'] * unit, 'bps': b.get('bytes_per_second')}
    return out


def gbench_processes(prefix):
    """The median over processes of each benchmark's median (run.sh runs several)."""
    runs = [gbench(os.path.basename(f)) for f in sorted(glob.glob(os.path.join(d, prefix + '.*.json')))]
    if not runs:
        sys.exit(f'no {prefix}.<n>.json in {d}')
    out = {}
    for key in runs[0]:
        times = [r[key]['ns'] for r in runs if key in r]
        rates = [r[key]['bps'] for r in runs if key in r and r[key]['bps'] is not None]
        out[key] = {'ns': statistics.median(times), 'bps': statistics.median(rates) if rates else None}
    return out, len(runs)


def load_json(name):
    with open(os.path.join(d, name)) as f:
        return json.load(f)


b, processes = gbench_processes('bench_runtime')
print(f'bench_runtime: median over {processes} process(es)')
r = gbench('registry_lookup.json')
py = load_json('python.json')
alloc = load_json('alloc.json')
startup = load_json('startup.json')

rows = []


def row(what, value, target, ok):
    rows.append((what, value, target, 'ok' if ok else 'MISS'))


def ns(x):
    return f'{x / 1000:.2f} us' if x >= 1000 else f'{x:.0f} ns'


for op, pykey in (('Make', 'make_ns'), ('Dump', 'dump_ns'), ('Load', 'load_ns')):
    nni = b[f'BM_Graph_{op}_Nni']['ns']
    hand = b[f'BM_Graph_{op}_Hand']['ns']
    print(f'graph {op.lower():5} nni {ns(nni):>10}   hand-written {ns(hand):>10}   python {ns(py[pykey]):>10}')
    ratio_hand = nni / hand
    if op == 'Make':
        row('graph make: nni / make_shared', f'{ratio_hand:.2f}x', '<= 2x', ratio_hand <= 2)
    else:
        row(f'graph {op.lower()}: nni / hand-written', f'{ratio_hand:.2f}x', '<= 1.5x', ratio_hand <= 1.5)
    speedup = py[pykey] / nni
    target = 100 if op != 'Make' else None
    row(f'graph {op.lower()}: python / nni', f'{speedup:.0f}x', '>= 100x' if target else '(info)',
        speedup >= 100 if target else True)

print('  (graph load: the models are generated with FAST_LOADS; the next rows load them without its'
      ' typed builds, and from the tree)')
nni = b['BM_Graph_Load_Nni']['ns']
for key, label in (('BM_Graph_Load_NniGeneric', 'from the tape, generic builds (no FAST_LOADS)'),
                   ('BM_Graph_Load_NniTree', 'from the tree (tape reader off)')):
    other = b[key]['ns']
    row(f'graph load {label} ({ns(other)}): / hand-written; python /',
        f'{other / b["BM_Graph_Load_Hand"]["ns"]:.2f}x; {py["load_ns"] / other:.0f}x', '(info)', True)
hand_doc = b['BM_Graph_Load_HandJsonDocument']['ns']
row(f'graph load: nni / hand-written on nni::JsonDocument ({ns(hand_doc)})', f'{nni / hand_doc:.2f}x',
    '(info)', True)

for cls in ('Normalize', 'Tiny'):
    nni = b[f'BM_{cls}_Make_Nni']['ns']
    hand = b[f'BM_{cls}_Make_Hand']['ns']
    row(f'{cls} make: nni::make / std::make_shared ({ns(nni)} / {ns(hand)})', f'{nni / hand:.2f}x',
        '<= 2x', nni / hand <= 2)

for op in ('Dump', 'Load'):
    nni = b[f'BM_BigVector_{op}_Nni']
    hand = b[f'BM_BigVector_{op}_Hand']
    mbs = nni['bps'] / 1e6
    row(f'1M floats {op.lower()} (hand-written: {hand["bps"] / 1e6:.0f} MB/s)', f'{mbs:.0f} MB/s',
        '>= 100 MB/s', mbs >= 100)
hand_doc = b['BM_BigVector_Load_HandJsonDocument']['bps'] / 1e6
row('1M floats load: hand-written on nni::JsonDocument', f'{hand_doc:.0f} MB/s', '(info)', True)
parse = b['BM_BigVector_ParseOnly']['bps'] / 1e6
row('1M floats: parse only (JsonDocument)', f'{parse:.0f} MB/s', '(info)', True)
row('graph: parse only (JsonDocument)', ns(b['BM_Graph_ParseOnly']['ns']), '(info)', True)
row('graph: parse only (simdjson DOM alone)', ns(b['BM_Graph_ParseOnly_Simdjson']['ns']), '(info)', True)
row('graph: untyped load', ns(b['BM_Graph_LoadUntyped_Nni']['ns']), '(info)', True)
# nni::make on nni::JsonDocument: the least a loader generated per class could take while its
# codecs read JsonNode; on simdjson's DOM: the floor of any traced load on this parser.
bound = b['BM_Graph_Load_MakeJsonDocument']['ns']
row(f'graph load bound: nni::make on JsonDocument / hand-written ({ns(bound)})',
    f'{bound / b["BM_Graph_Load_Hand"]["ns"]:.2f}x', '(info)', True)
floor = b['BM_Graph_Load_MakeSimdjson']['ns']
row(f'graph load floor: nni::make on simdjson DOM / hand-written ({ns(floor)})',
    f'{floor / b["BM_Graph_Load_Hand"]["ns"]:.2f}x', '(info)', True)
# The floor plus lookup, dispatch and matching: a prototype of a loader generated per class.
proto = b['BM_Graph_Load_TapePrototype']['ns']
row(f'graph load prototype, per class on simdjson DOM / hand-written ({ns(proto)})',
    f'{proto / b["BM_Graph_Load_Hand"]["ns"]:.2f}x', '(info)', True)
row('graph load prototype: python / prototype', f'{py["load_ns"] / proto:.0f}x', '(info)', True)

t = alloc['tiny_make_nni']
h = alloc['tiny_make_hand']
row('per traced object: extra allocations (Tiny)', f'{t["allocs"] - h["allocs"]}', '(info)', True)
row('per traced object: extra bytes reserved (Tiny)', f'{t["usable"] - h["usable"]} B', '(info)', True)
t = alloc['normalize_make_nni']
h = alloc['normalize_make_hand']
row('per traced object: extra allocations (Normalize)', f'{t["allocs"] - h["allocs"]}', '(info)', True)
row('per traced object: extra bytes reserved (Normalize)', f'{t["usable"] - h["usable"]} B', '(info)', True)
for op in ('make', 'dump', 'load'):
    n = alloc[f'graph_{op}_nni']
    h = alloc[f'graph_{op}_hand']
    row(f'graph {op}: allocations nni / hand-written', f'{n["allocs"]} / {h["allocs"]}', '(info)', True)

small = b['BM_Lookup_FindEntity_Small']['ns']
for pos in ('first', 'middle', 'last'):
    big = r[f'BM_Lookup_FindEntity_10k/{pos}']['ns']
    row(f'find_entity, 10,006 vs 6 registered ({pos})', f'{ns(big)} vs {ns(small)}',
        '~constant', big <= 3 * small + 20)
smallc = b['BM_Lookup_FindClass_Small']['ns']
for key in [k for k in r if k.startswith('BM_Lookup_FindClass_10k')]:
    row(f'find_class, 10,006 vs 6 registered ({key.split("<")[1].rstrip(">")})',
        f'{ns(r[key]["ns"])} vs {ns(smallc)}', '~constant', r[key]['ns'] <= 3 * smallc + 20)
added = startup['process_ms_10k'] - startup['process_ms_none']
row(f'start-up, whole process: {startup["process_ms_10k"]:.2f} ms (10,000 classes) vs '
    f'{startup["process_ms_none"]:.2f} ms (none)', f'+{added:.2f} ms', '<= 5 ms', added <= 5)
q = startup['quick_exit_process_ms_10k'] - startup['quick_exit_process_ms_none']
row('start-up + exit without static destructors (std::_Exit in main)', f'+{q:.2f} ms', '(info)', True)
row('start-up, static initialization of 10,000 registrations',
    f'{startup["static_init_ms_10k"]:.2f} ms (none: {startup["static_init_ms_none"]:.3f} ms)', '(info)', True)

print()
w = max(len(x[0]) for x in rows)
for what, value, target, ok in rows:
    print(f'{what:<{w}}  {value:>16}  {target:>12}  {ok}')
