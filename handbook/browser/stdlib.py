"""The standard-library files Pyodide 314.0.7 needs to start and to run the checkers' bridge.

Recorded, not guessed: `node benchmarks/record_stdlib.mjs PYODIDE_DIR SITE_DIR` loads the pinned
Pyodide with its full `python_stdlib.zip`, runs the worker's steps (put the bridge and the checkers'
bytecode in place, import the bridge, answer each checker, fail to answer, format a Python error)
and prints every module it loaded from the zip. Re-record when the Pyodide pin changes (PYODIDE_DIR is
the runtime's folder in the cache; tests/site/test_record_stdlib.py runs it and compares with KEEP). The build adds whatever the checkers' own sources
import at module level (handbook/browser/bundle.py), and the worker falls back to the full zip if
a module is still missing.
"""

RECORDED_FOR = "314.0.7"

KEEP = """
    __future__.py _colorize.py _opcode_metadata.py _py_warnings.py _pyodide/__init__.py
    _pyodide/_base.py _pyodide/_core_docs.py _pyodide/_future_helper.py _pyodide/_importhook.py
    _pyodide/docs_argspec.py _pyodide/docstring.py _pyodide/jsbind.py _ssl.py _weakrefset.py
    annotationlib.py ast.py asyncio/__init__.py asyncio/base_events.py asyncio/base_futures.py
    asyncio/base_subprocess.py asyncio/base_tasks.py asyncio/constants.py asyncio/coroutines.py
    asyncio/events.py asyncio/exceptions.py asyncio/format_helpers.py asyncio/futures.py
    asyncio/graph.py asyncio/locks.py asyncio/log.py asyncio/mixins.py asyncio/protocols.py
    asyncio/queues.py asyncio/runners.py asyncio/selector_events.py asyncio/sslproto.py
    asyncio/staggered.py asyncio/streams.py asyncio/subprocess.py asyncio/taskgroups.py
    asyncio/tasks.py asyncio/threads.py asyncio/timeouts.py asyncio/transports.py asyncio/trsock.py
    asyncio/unix_events.py base64.py bisect.py bz2.py codeop.py collections/__init__.py
    compression/__init__.py compression/_common/__init__.py compression/_common/_streams.py
    compression/zstd/__init__.py compression/zstd/_zstdfile.py concurrent/__init__.py
    concurrent/futures/__init__.py concurrent/futures/_base.py contextlib.py contextvars.py copy.py
    copyreg.py dataclasses.py dis.py encodings/__init__.py encodings/aliases.py encodings/utf_8.py
    enum.py fnmatch.py functools.py glob.py heapq.py importlib/__init__.py importlib/_abc.py
    importlib/abc.py inspect.py json/__init__.py json/decoder.py json/encoder.py json/scanner.py
    keyword.py linecache.py locale.py logging/__init__.py lzma.py opcode.py operator.py
    pathlib/__init__.py pathlib/_os.py pyodide/__init__.py pyodide/_package_loader.py
    pyodide/_state.py pyodide/code.py pyodide/common.py pyodide/ffi/__init__.py pyodide/webloop.py
    random.py re/__init__.py re/_casefix.py re/_compiler.py re/_constants.py re/_parser.py
    reprlib.py selectors.py shutil.py signal.py socket.py ssl.py string/__init__.py struct.py
    subprocess.py tempfile.py textwrap.py threading.py token.py tokenize.py traceback.py types.py
    typing.py warnings.py weakref.py zipfile/__init__.py zipfile/_path/__init__.py
    zipfile/_path/glob.py
""".split()

# Built into the wasm (`_imp._frozen_module_names()` in Pyodide, plus importlib's two bootstrap
# modules): never read from the zip, so never shipped, even when a module imports them.
FROZEN = """
    _collections_abc.py _sitebuiltins.py abc.py codecs.py genericpath.py importlib/_bootstrap.py
    importlib/_bootstrap_external.py importlib/machinery.py importlib/util.py io.py ntpath.py os.py
    posixpath.py runpy.py site.py stat.py zipimport.py
""".split()
