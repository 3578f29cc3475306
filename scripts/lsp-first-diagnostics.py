#!/usr/bin/env python3
"""Time from didOpen to the first publishDiagnostics of relwat-lsp on one file, and the server's
peak memory.

    scripts/lsp-first-diagnostics.py PATH/TO/relwat-lsp FILE.wat

Prints `SECONDS KIB COUNT`: the time to the diagnostics, the server's peak resident memory (GNU
time, /usr/bin/time -f %M, over the whole session), and how many diagnostics came. Exits 1 when
the server publishes nothing within 600 s or dies.
"""
import json, os, subprocess, sys, tempfile, threading, time

server, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8", errors="replace").read()
rss = tempfile.NamedTemporaryFile(delete=False).name
p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss, server], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)

def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

got = threading.Event()
found = []

def read():
    f = p.stdout
    while True:
        line, n = f.readline(), 0
        if not line:
            return
        while line.strip():
            if line.lower().startswith(b"content-length"):
                n = int(line.split(b":")[1])
            line = f.readline()
        m = json.loads(f.read(n))
        if m.get("method") == "textDocument/publishDiagnostics":
            found.append(len(m["params"]["diagnostics"]))
            got.set()

threading.Thread(target=read, daemon=True).start()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
start = time.time()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": "file:///bench.wat", "languageId": "wat", "version": 1, "text": text}}})
ok = got.wait(600)
took = time.time() - start
alive = p.poll() is None
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
try:
    p.wait(30)
except subprocess.TimeoutExpired:
    p.kill()
    p.wait()
kib = open(rss).read().strip().splitlines()[-1] if os.path.getsize(rss) else "0"
os.unlink(rss)
if not ok or not alive:
    print(f"no diagnostics (server {'alive' if alive else 'dead'})", file=sys.stderr)
    sys.exit(1)
print(f"{took:.3f} {kib} {found[0]}")
