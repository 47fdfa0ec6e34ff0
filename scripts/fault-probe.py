#!/usr/bin/env python3
"""Fault injection against a built innobond, on loopback only, bounded in time.

    scripts/fault-probe.py [--binary .build/release/innobond] [--only NAME ...] [--trials N]

Probes (each prints a Markdown table; docs/reliability.md keeps the figures):

  crash      imports (command line and HTTP) while a throwaway PostgreSQL is
             crashed (pg_ctl -m immediate) mid-copy and mid-check: exit time,
             status, rows written; a server's SIGTERM after such imports
  race       two planned-use imports of one bond at once, on each store:
             how often both committed
  conns      1,100 idle and 500 header-trickling connections against a server
             under ulimit -n 1024: /health latency, connections left open
  scale      60,000 bonds into a registry with 2,996 planned uses and into
             one without, on each store
  hostile    a header of 1,000,000 unknown columns: answer and stderr sizes,
             the server's memory
  outage     a server on PostgreSQL whose server crashes and comes back:
             seconds to readiness 503 and back, stale reads, 503 writes,
             log lines

Needs PostgreSQL's binaries (scripts/test-postgres.sh installs them) and
root (to run them as the postgres user). Nothing leaves 127.0.0.1.
"""
import argparse
import glob
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
USCC = "91440300708461136T"
ISSUERS = (
    "uscc,name,name_en,sector,province,ownership,listed_code\n"
    f"{USCC},华为技术有限公司,Huawei Technologies Co. Ltd.,ai_software,Guangdong,private,\n"
)
BONDS_HEADER = (
    "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count,"
    "rating,put_date,coupon_reset_date,approval_days\n"
)


def bond_line(number, amount="1660000000"):
    return (f"9{number:07d}.SH,{USCC},Probe bond {number},corporate_bond,false,,2024-03-15,2029-03-15,{amount},"
            "2.45,1,ACT/365F,AAA,,,\n")


class Postgres:
    """A throwaway cluster on a private port."""

    def __init__(self):
        self.port = 57000 + os.getpid() % 2000
        self.env = dict(os.environ, INNOBOND_TEST_POSTGRES_DIR=f"/tmp/innobond-probe-{self.port}",
                        INNOBOND_TEST_POSTGRES_PORT=str(self.port))
        self.url = self.script("start").strip()
        self.psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]

    def script(self, verb):
        with tempfile.TemporaryFile() as out:
            subprocess.run(["bash", os.path.join(ROOT, "scripts/test-postgres.sh"), verb], env=self.env,
                           stdout=out, stdin=subprocess.DEVNULL, check=True, timeout=120)
            out.seek(0)
            return out.read().decode()

    def crash(self):
        self.script("crash")

    def resume(self):
        self.script("resume")

    def remove(self):
        try:
            self.script("stop")
        finally:
            shutil.rmtree(self.env["INNOBOND_TEST_POSTGRES_DIR"], ignore_errors=True)

    def query(self, sql):
        return subprocess.run([self.psql, self.url, "-Atc", sql], capture_output=True, text=True,
                              timeout=60).stdout.strip()

    def wait_for(self, condition_sql, limit=60):
        deadline = time.time() + limit
        while time.time() < deadline:
            if self.query(condition_sql) not in ("", "0", "f"):
                return True
            time.sleep(0.02)
        return False


class Server:
    """innobond serve on a free port, with its log."""

    def __init__(self, binary, database, extra=(), descriptors=None):
        self.log = tempfile.NamedTemporaryFile(delete=False)
        self.out = tempfile.NamedTemporaryFile(delete=False)
        command = [binary, "serve", "--port", "0", "--no-demo", "--database", database, *extra]
        preexec = None
        if descriptors:
            def preexec():
                resource.setrlimit(resource.RLIMIT_NOFILE, (descriptors, descriptors))
        self.process = subprocess.Popen(command, stdout=self.out, stderr=self.log, stdin=subprocess.DEVNULL,
                                        preexec_fn=preexec)
        deadline = time.time() + 60
        while time.time() < deadline:
            text = open(self.out.name).read()
            match = re.search(r"http://127\.0\.0\.1:(\d+)", text)
            if match:
                self.port = int(match.group(1))
                return
            time.sleep(0.05)
        raise RuntimeError("the server did not start: " + open(self.log.name).read())

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def request(url, method="GET", body=None, headers=None, timeout=30):
    """Status, headers, body length, body, and seconds taken."""
    start = time.time()
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            content = answer.read()
            return answer.status, dict(answer.headers), len(content), content, time.time() - start
    except urllib.error.HTTPError as error:
        content = error.read()
        return error.code, dict(error.headers), len(content), content, time.time() - start
    except Exception as error:  # no answer at all
        return None, {}, 0, str(error).encode(), time.time() - start


def run(binary, *arguments, stdin=None, timeout=600):
    start = time.time()
    result = subprocess.run([binary, *arguments], capture_output=True, text=True, input=stdin, timeout=timeout)
    return result, time.time() - start


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as file:
        file.write(text)
    return path


def table(title, header, rows):
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    sys.stdout.flush()


# MARK: probes

def probe_crash(binary, trials, folder):
    postgres = Postgres()
    rows = []
    try:
        database = postgres.url + "?schema=probe"
        run(binary, "import", "issuers", write(folder, "issuers.csv", ISSUERS), "--database", database)
        seed = write(folder, "seed.csv", BONDS_HEADER + bond_line(0))
        run(binary, "import", "bonds", seed, "--database", database)
        big = write(folder, "big.csv", BONDS_HEADER + "".join(bond_line(n) for n in range(1, 300_001)))
        token = run(binary, "token", "create", "--role", "admin", "--database", database)[0].stdout.split()[0]
        for phase in ["copy", "check"]:
            for trial in range(trials):
                holder = None
                if phase == "copy":
                    process = subprocess.Popen([binary, "import", "bonds", big, "--database", database],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                    reached = postgres.wait_for(
                        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY%' AND state = 'active'")
                else:
                    holder = subprocess.Popen(
                        [postgres.psql, postgres.url, "-c",
                         "BEGIN; SELECT code FROM probe.bonds WHERE code = '90000000.SH' FOR UPDATE; "
                         "SELECT pg_sleep(600)"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    time.sleep(0.3)
                    process = subprocess.Popen([binary, "import", "bonds", seed, "--database", database],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                    reached = postgres.wait_for(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                crashed = time.time()
                postgres.crash()
                try:
                    _, error = process.communicate(timeout=120)
                    seconds = f"{time.time() - crashed:.2f}"
                except subprocess.TimeoutExpired:
                    process.kill()
                    error, seconds = "", "hung > 120 s"
                if holder:
                    holder.kill()
                postgres.resume()
                count = postgres.query("SELECT count(*) FROM probe.bonds")
                rows.append(["CLI", phase, trial + 1, "yes" if reached else "no", seconds, process.returncode,
                             count, error.strip().splitlines()[-1][:90] if error.strip() else ""])
        # HTTP: an import posted to a server, the database crashed mid-copy.
        for trial in range(trials):
            server = Server(binary, database)
            body = open(big, "rb").read()
            outcome = {}

            def post():
                outcome["answer"] = request(server.url("/api/v1/import/bonds"), "POST", body,
                                            {"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
                                            timeout=180)
            thread = threading.Thread(target=post)
            thread.start()
            reached = postgres.wait_for(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY%' AND state = 'active'")
            crashed = time.time()
            postgres.crash()
            thread.join(190)
            status, headers, _, content, _ = outcome.get("answer", (None, {}, 0, b"", 0))
            answered = f"{time.time() - crashed:.2f}"
            stopping = time.time()
            server.process.send_signal(signal.SIGTERM)
            try:
                server.process.wait(timeout=120)
                stopped = f"{time.time() - stopping:.2f}"
            except subprocess.TimeoutExpired:
                stopped = "hung > 120 s"
            server.stop()
            postgres.resume()
            count = postgres.query("SELECT count(*) FROM probe.bonds")
            rows.append(["HTTP", "copy", trial + 1, "yes" if reached else "no", answered, status, count,
                         f"Retry-After {headers.get('Retry-After')}; SIGTERM to exit {stopped} s"])
    finally:
        postgres.remove()
    table("PostgreSQL crashed under an import (pg_ctl -m immediate)",
          ["path", "phase", "trial", "phase reached", "s from crash to end", "status", "bonds after", "message"],
          rows)


def probe_race(binary, trials, folder):
    postgres = Postgres()
    rows = []
    try:
        for store in ["sqlite", "postgres"]:
            both = 0
            for trial in range(trials):
                database = (os.path.join(folder, f"race-{trial}.sqlite") if store == "sqlite"
                            else f"{postgres.url}?schema=race{trial}")
                run(binary, "import", "issuers", write(folder, "issuers.csv", ISSUERS), "--database", database)
                run(binary, "import", "bonds", write(folder, "bond.csv", BONDS_HEADER + bond_line(1)),
                    "--database", database)
                files = [write(folder, f"uses-{side}.csv",
                               f"bond_code,project,category,planned_cny\n90000001.SH,Project {side},rd,996000000\n")
                         for side in "AB"]
                processes = [subprocess.Popen([binary, "import", "use_of_proceeds", path, "--database", database],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                             for path in files]
                statuses = sorted(process.wait(timeout=120) for process in processes)
                if statuses == [0, 0]:
                    both += 1
            rows.append([store, trials, both])
    finally:
        postgres.remove()
    table("Two imports of planned uses for one RMB 1.66 bn bond at once (RMB 0.996 bn each)",
          ["store", "trials", "both committed"], rows)


def probe_conns(binary, folder):
    server = Server(binary, os.path.join(folder, "conns.sqlite"), descriptors=1024)
    rows = []
    try:
        for label, count, trickle in [("idle", 1100, False), ("headers a byte at a time", 500, True)]:
            connections = []
            opened = time.time()
            for _ in range(count):
                try:
                    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
                    if trickle:
                        sock.send(b"GET /api/v1/bonds HTTP/1.1\r\n")
                    connections.append(sock)
                except OSError:
                    break
            latencies = []
            for _ in range(30):
                if trickle:
                    for sock in connections:
                        try:
                            sock.send(b"X")
                        except OSError:
                            pass
                status, _, _, _, seconds = request(server.url("/health"), timeout=30)
                latencies.append(seconds * 1000 if status == 200 else float("inf"))
                time.sleep(0.5)
            time.sleep(max(0.0, 15 - (time.time() - opened)))
            still = 0
            for sock in connections:
                sock.setblocking(False)
                try:
                    still += 1 if sock.recv(1) != b"" else 0
                except BlockingIOError:
                    still += 1
                except OSError:
                    pass
                sock.close()
            rows.append([label, len(connections), f"{statistics.median(latencies):.1f}", f"{max(latencies):.1f}",
                         still])
    finally:
        server.stop()
    table("A server under ulimit -n 1024 (header timeout 10 s) with clients that hold connections",
          ["clients", "connections", "/health p50 (ms)", "/health max (ms)", "open after 15 s"], rows)


def probe_scale(binary, folder):
    data = os.path.join(folder, "scale")
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/import/generate.py"), "60000", data],
                   check=True, stdout=subprocess.DEVNULL)
    postgres = Postgres()
    rows = []
    try:
        for store in ["sqlite", "postgres"]:
            times = {}
            for label, demo in [("with 2,996 planned uses", True), ("without", False)]:
                database = (os.path.join(folder, f"scale-{demo}.sqlite") if store == "sqlite"
                            else f"{postgres.url}?schema=scale_{int(demo)}")
                if demo:
                    run(binary, "demo", "--database", database)
                run(binary, "import", "issuers", os.path.join(data, "issuers.csv"), "--database", database)
                result, seconds = run(binary, "import", "bonds", os.path.join(data, "bonds.csv"), "--database",
                                      database)
                times[label] = seconds
                rows.append([store, label, f"{seconds:.2f}", result.returncode])
            rows.append([store, "ratio", f"{times['with 2,996 planned uses'] / times['without']:.2f}", ""])
    finally:
        postgres.remove()
    table("60,000 bonds imported into a registry", ["store", "registry", "wall (s)", "status"], rows)


def probe_hostile(binary, folder):
    header = ",".join(f"c{n}" for n in range(1_000_000)) + "\n"
    path = write(folder, "wide.csv", header)
    result, _ = run(binary, "import", "bonds", path, "--database", os.path.join(folder, "hostile.sqlite"))
    server = Server(binary, os.path.join(folder, "hostile-server.sqlite"))
    token = run(binary, "token", "create", "--role", "admin", "--database",
                os.path.join(folder, "hostile-server.sqlite"))[0].stdout.split()[0]
    before = server.rss_mb()
    status, _, length, _, _ = request(server.url("/api/v1/import/bonds"), "POST", header,
                                      {"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
    after = server.rss_mb()
    server.stop()
    table("A header of 1,000,000 unknown columns (7 MB)",
          ["CLI status", "CLI stderr (bytes)", "HTTP status", "HTTP answer (bytes)", "server RSS before / after (MB)"],
          [[result.returncode, len(result.stderr.encode()), status, length, f"{before:.0f} / {after:.0f}"]])


def probe_outage(binary, folder):
    postgres = Postgres()
    rows = []
    try:
        database = postgres.url + "?schema=outage"
        run(binary, "import", "issuers", write(folder, "issuers.csv", ISSUERS), "--database", database)
        run(binary, "import", "bonds", write(folder, "bond.csv", BONDS_HEADER + bond_line(1)), "--database", database)
        token = run(binary, "token", "create", "--role", "admin", "--database", database)[0].stdout.split()[0]
        server = Server(binary, database, ["--log-level", "notice"])
        crashed = time.time()
        postgres.crash()
        while request(server.url("/health"))[0] != 503 and time.time() - crashed < 60:
            time.sleep(0.1)
        rows.append(["readiness 503 after the crash", f"{time.time() - crashed:.1f} s"])
        status, headers, _, content, seconds = request(server.url("/bonds"))
        banner = b'class="stale"' in content
        rows.append(["a page during the outage", f"{status}, stale banner: {banner}, {seconds * 1000:.0f} ms"])
        status, headers, _, _, seconds = request(server.url("/api/v1/bonds"))
        rows.append(["the API during the outage",
                     f"{status}, Innobond-Stale-Since: {headers.get('Innobond-Stale-Since')}, {seconds * 1000:.0f} ms"])
        status, headers, _, _, seconds = request(
            server.url("/api/v1/import/curves"), "POST", "curve,date,tenor,yield\nCGB,2025-06-04,10Y,1.66\n",
            {"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
        rows.append(["a write during the outage",
                     f"{status}, Retry-After {headers.get('Retry-After')}, {seconds * 1000:.0f} ms"])
        resumed = time.time()
        postgres.resume()
        while request(server.url("/health"))[0] != 200 and time.time() - resumed < 60:
            time.sleep(0.1)
        rows.append(["readiness 200 after the server is back", f"{time.time() - resumed:.1f} s"])
        server.stop()
        log = open(server.log.name).read()
        rows.append(["log lines", f"{log.count('the store does not answer')} at the start, "
                                  f"{log.count('the store answers again')} at the end"])
    finally:
        postgres.remove()
    table("A server on PostgreSQL whose database crashes and comes back", ["what", "measured"], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/innobond"))
    parser.add_argument("--only", nargs="*", default=["crash", "race", "conns", "scale", "hostile", "outage"])
    parser.add_argument("--trials", type=int, default=5)
    arguments = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    print(f"innobond: {arguments.binary}; load {open('/proc/loadavg').read().split()[:3]}")
    with tempfile.TemporaryDirectory(prefix="innobond-probe-") as folder:
        for name in arguments.only:
            if name == "crash":
                probe_crash(arguments.binary, arguments.trials, folder)
            elif name == "race":
                probe_race(arguments.binary, 4 * arguments.trials, folder)
            elif name == "conns":
                probe_conns(arguments.binary, folder)
            elif name == "scale":
                probe_scale(arguments.binary, folder)
            elif name == "hostile":
                probe_hostile(arguments.binary, folder)
            elif name == "outage":
                probe_outage(arguments.binary, folder)


if __name__ == "__main__":
    main()
