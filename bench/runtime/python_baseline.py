#!/usr/bin/python3
"""NNI-style Python baseline for bench/runtime: the DESIGN.md evaluator graph made, dumped and
loaded the way Python NNI does it, on Debian's python3-json-tricks (run with /usr/bin/python3).

- make: a trace wrapper that binds the call to the signature and records keyword arguments
  (NNI's kw_only=True), as nni.trace does;
- dump: json_tricks.dumps with obj_encoders, the last of which writes a traced object as
  {"__symbol__": "path:<module>.<name>", "__kwargs__": {...}} (NNI's
  _json_tricks_serializable_object_encode), after json-tricks' own encoders as nni.dump lists them;
- load: json_tricks.loads with obj_pairs_hooks, the last of which imports the symbol by name and
  calls it with the arguments (NNI's _json_tricks_serializable_object_decode), ignore_comments=True
  as nni.load passes it.

Prints one JSON object: median nanoseconds per operation, and the payload.
"""
import functools
import importlib
import inspect
import json
import statistics
import sys
import timeit
import types

import json_tricks

# ---- a tiny nni.trace ----

def trace(cls):
    signature = inspect.signature(cls.__init__)
    original_init = cls.__init__

    def __init__(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs)
        arguments = dict(bound.arguments)
        arguments.pop('self')
        self._nni_symbol = cls
        self._nni_kwargs = arguments
        original_init(self, *args, **kwargs)

    cls.__init__ = __init__
    cls._traced = True
    return cls


def is_traceable(obj):
    return hasattr(obj, '_nni_symbol')


def hybrid_name(cls):
    return 'path:' + cls.__module__ + '.' + cls.__qualname__


def import_hybrid_name(name):
    if not name.startswith('path:'):
        raise ValueError(name)
    module, _, attr = name[5:].rpartition('.')
    return getattr(importlib.import_module(module), attr)


def serializable_object_encode(obj, primitives=False):
    if is_traceable(obj):
        return {'__symbol__': hybrid_name(obj._nni_symbol), '__kwargs__': obj._nni_kwargs}
    return obj


def serializable_object_decode(obj):
    if isinstance(obj, dict) and '__symbol__' in obj:
        symbol = import_hybrid_name(obj['__symbol__'])
        return symbol(*obj.get('__args__', []), **obj.get('__kwargs__', {}))
    return obj


# As nni.dump / nni.load list them, less pathlib (json-tricks 3.11 has none) and pandas (not
# installed here).
ENCODERS = [
    json_tricks.encoders.numpy_encode,
    json_tricks.encoders.enum_instance_encode,
    json_tricks.encoders.json_date_time_encode,
    json_tricks.encoders.json_complex_encode,
    json_tricks.encoders.json_set_encode,
    json_tricks.encoders.numeric_types_encode,
    serializable_object_encode,
]
HOOKS = [
    json_tricks.decoders.json_numpy_obj_hook,
    json_tricks.decoders.EnumInstanceHook(),
    json_tricks.decoders.json_date_time_hook,
    json_tricks.decoders.json_complex_hook,
    json_tricks.decoders.json_set_hook,
    json_tricks.decoders.numeric_types_hook,
    serializable_object_decode,
]


def dump(obj):
    return json_tricks.dumps(obj, obj_encoders=ENCODERS, allow_nan=True)


def load(text):
    return json_tricks.loads(text, obj_pairs_hooks=HOOKS, preserve_order=False,
                             ignore_comments=True)

# ---- the evaluator graph, in a module named "demo" so that symbols import by name ----

demo = types.ModuleType('demo')
sys.modules['demo'] = demo
exec('''
class Transform:
    pass

class Normalize(Transform):
    def __init__(self, mean, std, inplace=False):
        self.mean, self.std, self.inplace = mean, std, inplace

class Compose(Transform):
    def __init__(self, transforms):
        self.transforms = transforms

class MNIST:
    def __init__(self, root, train=True, download=False, transform=None):
        self.root, self.train, self.download, self.transform = root, train, download, transform

class DataLoader:
    def __init__(self, dataset, batch_size=1):
        self.dataset, self.batch_size = dataset, batch_size
''', demo.__dict__)
for name in ('Normalize', 'Compose', 'MNIST', 'DataLoader'):
    getattr(demo, name).__module__ = 'demo'
    trace(getattr(demo, name))


def make_graph():
    norm = demo.Normalize([0.1307], [0.3081])
    tf = demo.Compose([norm])
    ds = demo.MNIST('data/mnist', False, True, tf)
    return demo.DataLoader(ds, 100)


def median_ns(fn, repeat=7, min_time=0.2):
    number = max(1, int(min_time / max(timeit.timeit(fn, number=1), 1e-7)))
    runs = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1e9


def main():
    graph = make_graph()
    payload = dump(graph)
    back = load(payload)
    assert dump(back) == payload, 'round trip'
    assert back.dataset.transform.transforms[0].mean == [0.1307]
    result = {
        'python': sys.version.split()[0],
        'json_tricks': getattr(json_tricks, '__version__', 'debian'),
        'payload': payload,
        'payload_bytes': len(payload),
        'make_ns': median_ns(make_graph),
        'dump_ns': median_ns(functools.partial(dump, graph)),
        'load_ns': median_ns(functools.partial(load, payload)),
    }
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == '__main__':
    main()
