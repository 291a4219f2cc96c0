#!/usr/bin/env python3
"""Reads what run.sh recorded and writes the JSON and markdown tables: per pair the median, min and max
wall time of each side, certbench's time over the peer's, whether the goal holds, and whether both sides
found the same things."""
import hashlib
import json
import re
import statistics
import sys
from pathlib import Path

work, runs, out_json, out_md = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]


def read(name, side, i):
    return (work / name / f"{side}-{i}.out").read_text(errors="replace")


def tcp(name, side, i):
    text = read(name, side, i)
    if side == "certbench":
        return sorted(json.loads(text)["open"])
    return sorted(int(p) for p in re.findall(r"(\d+)/open/tcp", text))


def tls(name, side, i):
    text = read(name, side, i)
    if side == "certbench":
        return {v: sorted(s) for v, s in json.loads(text).items()}
    found = {}
    for status, version, cipher in re.findall(r'<cipher status="(accepted|preferred)" sslversion="([^"]+)"[^>]*cipher="([^"]+)"', text):
        found.setdefault(version, set()).add(cipher)
    return {v: sorted(s) for v, s in found.items()}


def testssl(name, side, i):
    """testssl.sh -E lists each accepted suite under its protocol's section: {version: [OpenSSL names]} as sslscan's."""
    if side == "certbench":
        return tls(name, side, i)
    found = {}
    names = {"tls1": "TLSv1.0", "tls1_1": "TLSv1.1", "tls1_2": "TLSv1.2", "tls1_3": "TLSv1.3"}
    for entry in json.loads(read(name, side, i)):
        m = re.match(r"cipher-(tls1(?:_\d)?)_x", entry.get("id", ""))
        if m and entry.get("finding", "").split():
            found.setdefault(names[m.group(1)], set()).add(entry["finding"].split()[3])
    return {v: sorted(s) for v, s in found.items()}


def coap(name, side, i):
    text = read(name, side, i).strip()
    return json.loads(text)["answered"] if side == "certbench" else int(text.splitlines()[-1])


def tests(name, side, i):
    data = json.loads(read(name, side, i).strip())
    return {"tests": data["tests"], "failed": data["failed"]}


def files(name, side, i):
    text = read(name, side, i).strip()
    if side == "certbench":
        data = json.loads(text)
        return data.get("files", "valid" if data.get("valid") else data.get("problems"))
    return int(text) if text.isdigit() else ("valid" if text.endswith("ok") else text)


def login(name, side, i):
    """The credential found, as the SHA-256 of user:password (the password itself is never printed)."""
    text = read(name, side, i)
    if side == "certbench":
        return json.loads(text.strip()).get("sha256")
    found = re.findall(r"login: (\S+)\s+password: (\S+)", text)
    return hashlib.sha256(f"{found[0][0]}:{found[0][1]}".encode()).hexdigest() if len(found) == 1 else None


bundle_files = None
rows = [
    # name, job, peer, goal (certbench time / peer time at most), findings parser, what must also hold
    ("tcp-scan", "TCP scan of all 65,535 ports of one host", "nmap -sT -p- -T4 -n", 1.0, tcp, "same open ports"),
    ("tls-scan", "TLS versions and cipher suites of one endpoint", "sslscan", 1.0, tls, "same versions and suites"),
    ("tcp-scan-2", "two TCP scans of all ports, one after the other (for the later scans below)", "nmap -sT -p- -T4 -n, twice", None,
     tcp, "same open ports"),
    ("tls-scan-10", "ten TLS scans of one endpoint, one after the other (for the later scans below)", "sslscan, ten times", None, tls,
     "same versions and suites"),
    ("login-telnet", "100 telnet logins (busybox telnetd, /bin/login), the right one last, 4 at once", "hydra -t 4", 1.0, login,
     "same credential found"),
    ("login-ftp", "100 FTP logins (vsftpd), the right one last, 4 at once", "hydra -t 4", 1.0, login, "same credential found"),
    ("login-http", "100 HTTP Basic logins (lighttpd), the right one last, 4 at once", "hydra -t 4", 1.0, login,
     "same credential found"),
    ("tls-testssl", "TLS versions and cipher suites of one endpoint (for scale)", "testssl.sh --fast -E", None, testssl,
     "same versions and suites"),
    ("coap-1000", "1,000 CoAP GETs of /.well-known/core", "a coap-client loop", 1.0, coap, "every request answered"),
    ("coap-2000", "2,000 CoAP GETs of /.well-known/core (for the request rate below)", "a coap-client loop", None, coap,
     "every request answered"),
    ("engine-10k", "10,000 trivial cases through the certbench engine (100 devices × 100 cases, ledger written)",
     "10,000 trivial JUnit Jupiter tests, same launcher", 1.2, tests, "all 10,000 pass on both sides"),
    ("sign-1gib", "manifest and CMS signature of a 1 GiB bundle (-Xmx256m)", "openssl dgst -sha256", 1.25, None, "heap within -Xmx256m"),
    ("verify-1gib", "verify the 1 GiB bundle (-Xmx256m)", "openssl dgst -sha256", 1.25, None, "heap within -Xmx256m; bundle valid"),
    ("sha256sum-1gib", "verify the 1 GiB bundle (-Xmx256m)", "sha256sum -c", 1.25, None, "bundle valid"),
    ("sign-2gib", "manifest and CMS signature of the bundle with 2 GiB (for the throughput below)", "openssl dgst -sha256", None, None,
     "heap within -Xmx256m"),
    ("verify-2gib", "verify the bundle with 2 GiB (for the throughput below)", "openssl dgst -sha256", None, None,
     "heap within -Xmx256m; bundle valid"),
]
results = []
for name, job, peer, goal, parse, holds in rows:
    if not (work / name).exists():
        continue
    times = {side: [int(x) / 1e6 for x in (work / name / f"{side}.us").read_text().split()] for side in ("certbench", "peer")}
    codes = {side: (work / name / f"{side}.rc").read_text().split() for side in ("certbench", "peer")}
    stats = {side: {"median_s": statistics.median(t), "min_s": min(t), "max_s": max(t), "runs": len(t)} for side, t in times.items()}
    ratio = stats["certbench"]["median_s"] / stats["peer"]["median_s"]
    same = None
    detail = ""
    if parse is not None:
        count = len(times["certbench"])
        ours = [parse(name, "certbench", i) for i in range(1, count + 1)]
        theirs = [parse(name, "peer", i) for i in range(1, count + 1)]
        same = all(o == ours[0] for o in ours) and all(t == theirs[0] for t in theirs) and ours[0] == theirs[0] and ours[0] is not None
        detail = json.dumps(ours[0]) if same and ours[0] is not None else "certbench " + json.dumps(ours[0]) + " / peer " + json.dumps(theirs[0])
    else:
        ours = [read(name, "certbench", i).strip() for i in range(1, len(times["certbench"]) + 1)]
        ok = all(c == "0" for c in codes["certbench"]) and all('"valid":false' not in o for o in ours)
        same = ok
        detail = ours[0][:200]
    results.append({"row": name, "job": job, "peer": peer, "certbench": stats["certbench"], "peer_tool": stats["peer"],
                    "ratio": ratio, "goal_at_most": goal, "goal_holds": goal is None or ratio <= goal, "also": holds, "also_holds": same,
                    "exit_codes": codes, "found": detail})

# Row 8's goal is throughput: the second GiB's time (the 2 GiB median less the 1 GiB median) on each side, so that
# what a run pays once (JVM start, the key, the report schema; the peer's process start) is left out of both.
throughput = []
by_row = {r["row"]: r for r in results}
for what in ("sign", "verify"):
    one, two = by_row.get(f"{what}-1gib"), by_row.get(f"{what}-2gib")
    if one is None or two is None:
        continue
    gib = 1024.0
    ours_s = two["certbench"]["median_s"] - one["certbench"]["median_s"]
    theirs_s = two["peer_tool"]["median_s"] - one["peer_tool"]["median_s"]
    ours = gib / ours_s if ours_s > 0 else None
    theirs = gib / theirs_s if theirs_s > 0 else None
    ratio = ours / theirs if ours and theirs else None
    throughput.append({"job": what, "certbench_mib_s": ours, "openssl_mib_s": theirs, "ratio": ratio, "goal_at_least": 0.8,
                       "goal_holds": ratio is not None and ratio >= 0.8,
                       "also_holds": one["also_holds"] and two["also_holds"]})


# Row 4's goal is a request rate: the second thousand GETs' time on each side (2,000 median less 1,000 median).
coap_rate = None
if "coap-1000" in by_row and "coap-2000" in by_row:
    one, two = by_row["coap-1000"], by_row["coap-2000"]
    ours_s = two["certbench"]["median_s"] - one["certbench"]["median_s"]
    theirs_s = two["peer_tool"]["median_s"] - one["peer_tool"]["median_s"]
    ours = 1000 / ours_s if ours_s > 0 else None
    theirs = 1000 / theirs_s if theirs_s > 0 else None
    ratio = ours / theirs if ours and theirs else None
    coap_rate = {"certbench_per_s": ours, "peer_per_s": theirs, "ratio": ratio, "goal_at_least": 1.0,
                 "goal_holds": ratio is not None and ratio >= 1.0, "also_holds": one["also_holds"] and two["also_holds"]}


# Rows 1 and 2 once more, on the scans after the first: each side's run of n less its run of one (medians), over n − 1,
# so that the JVM's start and its compiler's first work, which a campaign pays once for all its devices, are left out,
# as are the peers' process starts.
second_scan = []
for one_name, more_name, n, what in (("tcp-scan", "tcp-scan-2", 2, "TCP scan of all 65,535 ports"),
                                     ("tls-scan", "tls-scan-10", 10, "TLS versions and suites")):
    one, more = by_row.get(one_name), by_row.get(more_name)
    if one is None or more is None:
        continue
    ours = (more["certbench"]["median_s"] - one["certbench"]["median_s"]) / (n - 1)
    theirs = (more["peer_tool"]["median_s"] - one["peer_tool"]["median_s"]) / (n - 1)
    ratio = ours / theirs if ours > 0 and theirs > 0 else None
    second_scan.append({"job": what, "peer": one["peer"], "scans": n, "certbench_s": ours, "peer_s": theirs, "ratio": ratio,
                        "goal_at_most": 1.0, "goal_holds": ratio is not None and ratio <= 1.0, "also": one["also"],
                        "also_holds": one["also_holds"] and more["also_holds"]})


def gc_peak_mib(path):
    """The most heap in use before any collection, from a -Xlog:gc log: the peak, as the heap only shrinks at a GC."""
    peak = 0
    for line in path.read_text(errors="replace").splitlines():
        for before in re.findall(r"(\d+)M->\d+M\(\d+M\)", line):
            peak = max(peak, int(before))
    return peak


campaign = None
campaign_dir = work / "campaign"
if campaign_dir.exists():
    found = {}
    for result in sorted(campaign_dir.glob("*.json")):
        devices, round_ = (int(x) for x in result.stem.split("-"))
        text = result.read_text().strip()
        data = json.loads(text) if text.startswith("{") else {"devices": devices, "exit": None, "campaign_s": None, "cases": []}
        rss = campaign_dir / f"{result.stem}.rss"
        data["peak_heap_mib"] = gc_peak_mib(campaign_dir / f"{result.stem}.gc")
        data["peak_rss_mib"] = round(int(rss.read_text().split()[-1]) / 1024) if rss.exists() and rss.read_text().split() else None
        data["problems"] = (campaign_dir / f"{result.stem}.err").read_text(errors="replace").count("OutOfMemoryError")
        found.setdefault(devices, []).append(data)
    # A case that compares the units of a campaign decides differently alone: none can decide on one unit; on copies of
    # the flawed device the key cases must FAIL on every copy (one firmware key) and the label passwords PASS (each its own).
    comparing = {"5.4-3-2": "FAIL", "5.4-4-2": "FAIL", "5.1-2-2": "PASS"}
    alone = {c["case"]: c["verdict"] for c in found[1][0]["cases"] if c["case"] not in comparing} if 1 in found else {}

    def same_as_alone(data):
        by_device = {}
        for c in data["cases"]:
            by_device.setdefault(c["device"], {})[c["case"]] = c["verdict"]
        if not alone or len(by_device) != data["devices"]:
            return False
        for verdicts in by_device.values():
            if any(verdicts.get(case) != ("INCONCLUSIVE" if data["devices"] == 1 else expected) for case, expected in comparing.items()):
                return False
            if {k: v for k, v in verdicts.items() if k not in comparing} != alone:
                return False
        return True

    scale = {}
    for devices, datas in sorted(found.items()):
        times = [d["campaign_s"] for d in datas if d["campaign_s"] is not None]
        scale[devices] = {"median_s": statistics.median(times) if times else None, "min_s": min(times, default=None),
                          "max_s": max(times, default=None), "runs": len(times),
                          "cases": sum(len(d["cases"]) for d in datas) // max(1, len(datas)),
                          "same_verdicts_as_alone": all(same_as_alone(d) for d in datas),
                          "exit_codes": [d["exit"] for d in datas],
                          "peak_heap_mib": max(d["peak_heap_mib"] for d in datas),
                          "peak_rss_mib": max((d["peak_rss_mib"] or 0) for d in datas),
                          "out_of_memory": sum(d["problems"] for d in datas)}
    ratio = (scale[16]["median_s"] / scale[1]["median_s"]) if 16 in scale and 1 in scale and scale[1]["median_s"] and scale[16]["median_s"] else None
    one = sorted(found[1][0]["cases"], key=lambda c: -c["ms"]) if 1 in found else []
    total_ms = sum(c["ms"] for c in one)
    campaign = {"devices": scale, "ratio_16_to_1": ratio, "goal_at_most": 2.5, "goal_holds": ratio is not None and ratio <= 2.5,
                "peak_heap_goal_mib": 512, "peak_heap_holds": 16 in scale and scale[16]["peak_heap_mib"] <= 512
                and scale[16]["out_of_memory"] == 0 and all(e in (0, 1, 2) for e in scale[16]["exit_codes"]),
                "per_case": [{"case": c["case"], "title": c.get("title", ""), "verdict": c["verdict"], "s": c["ms"] / 1000,
                              "share": c["ms"] / total_ms if total_ms else 0} for c in one],
                "sum_of_cases_s": total_ms / 1000}

Path(out_json).write_text(json.dumps({"runs": runs, "rows": results, "throughput": throughput, "coap_rate": coap_rate,
                                      "second_scan": second_scan,
                                      "campaign": campaign}, indent=2) + "\n")
lines = ["| job | peer | certbench median (min–max) | peer median (min–max) | certbench ÷ peer | goal | must also hold |",
         "|---|---|---|---|---|---|---|"]
for r in results:
    c, p = r["certbench"], r["peer_tool"]
    goal = ("see the throughput" if r["row"].endswith("-2gib") else "see the request rate" if r["row"] == "coap-2000"
            else "see the later scans" if re.search(r"-scan-\d+$", r["row"]) else "for scale") if r["goal_at_most"] is None else f"≤ {r['goal_at_most']:.2f} {'✔' if r['goal_holds'] else '✘'}"
    lines.append(f"| {r['job']} | `{r['peer']}` | {c['median_s']:.3f} s ({c['min_s']:.3f}–{c['max_s']:.3f}) | "
                 f"{p['median_s']:.3f} s ({p['min_s']:.3f}–{p['max_s']:.3f}) | {r['ratio']:.2f} | "
                 f"{goal} | {r['also']}: {'yes' if r['also_holds'] else 'NO'} |")
lines.append("")
lines.append(f"{runs} runs of each side after a warm-up (testssl.sh: as many as its row says), alternating; wall time of the whole command (a fresh JVM for "
             "certbench), on the same target in the same run. Reproduce: `harness/benchmarks/run.sh`.")
if second_scan:
    lines += ["", "| a scan after the first (run of n − run of one, medians, ÷ (n − 1)) | peer tool | certbench | peer | certbench ÷ peer "
              "| goal | must also hold |", "|---|---|---|---|---|---|---|"]
    for t in second_scan:
        ratio_text = "–" if t["ratio"] is None else f"{t['ratio']:.2f}"
        lines.append(f"| {t['job']} (n = {t['scans']}) | `{t['peer']}` | {t['certbench_s']:.3f} s | {t['peer_s']:.3f} s | {ratio_text} | "
                     f"≤ 1.00 {'✔' if t['goal_holds'] else '✘'} | {t['also']}: {'yes' if t['also_holds'] else 'NO'} |")
if coap_rate is not None:
    rate = lambda v: "–" if v is None else f"{v:,.0f} requests/s"
    lines += ["", "| request rate of the second thousand GETs (2,000 median − 1,000 median) | certbench | a coap-client loop "
              "| certbench ÷ loop | goal | must also hold |", "|---|---|---|---|---|---|",
              f"| CoAP GET of /.well-known/core | {rate(coap_rate['certbench_per_s'])} | {rate(coap_rate['peer_per_s'])} | "
              f"{'–' if coap_rate['ratio'] is None else format(coap_rate['ratio'], '.2f')} | ≥ 1.00 {'✔' if coap_rate['goal_holds'] else '✘'} | "
              f"every request answered: {'yes' if coap_rate['also_holds'] else 'NO'} |"]
if throughput:
    lines += ["", "| throughput of the second GiB (2 GiB median − 1 GiB median) | certbench | `openssl dgst -sha256` | certbench ÷ openssl "
              "| goal | must also hold |", "|---|---|---|---|---|---|"]
    for t in throughput:
        fmt = lambda v: "–" if v is None else f"{v:,.0f} MiB/s"
        ratio_text = "–" if t["ratio"] is None else f"{t['ratio']:.2f}"
        lines.append(f"| {'manifest and CMS signature' if t['job'] == 'sign' else 'verify'} (-Xmx256m) | {fmt(t['certbench_mib_s'])} | "
                     f"{fmt(t['openssl_mib_s'])} | {ratio_text} | "
                     f"≥ 0.80 {'✔' if t['goal_holds'] else '✘'} | heap within -Xmx256m, bundle valid: {'yes' if t['also_holds'] else 'NO'} |")
if campaign is not None:
    sc = campaign["devices"]

    def cell(n):
        if n not in sc or sc[n]["median_s"] is None:
            return "–"
        d = sc[n]
        spread = f" ({d['min_s']:.0f}–{d['max_s']:.0f})" if d["runs"] > 1 else ""
        return f"{d['median_s']:.1f} s{spread}, {d['cases']} cases"
    lines += ["", "| campaign (EN 303 645 + NISTIR 8259A gaps, every case, on copies of the flawed in-JVM device) | 1 device | 4 devices "
              "| 16 devices | 16 ÷ 1 | goal | must also hold |", "|---|---|---|---|---|---|---|"]
    r = campaign["ratio_16_to_1"]
    lines.append(f"| the same campaign on 1, 4 and 16 devices at once | {cell(1)} | {cell(4)} | {cell(16)} | "
                 f"{'–' if r is None else f'{r:.2f}'} | ≤ 2.50 {'✔' if campaign['goal_holds'] else '✘'} | same verdicts as alone: "
                 f"{'yes' if all(d['same_verdicts_as_alone'] for d in sc.values()) else 'NO'} (5.1-2-2, 5.4-3-2, 5.4-4-2 aside: "
                 f"undecided alone; with copies 5.4-x FAIL on every one, which share the firmware key, 5.1-2-2 PASS) |")
    heap = " | ".join(f"{sc[n]['peak_heap_mib']} MiB (RSS {sc[n]['peak_rss_mib']} MiB)" if n in sc else "–" for n in (1, 4, 16))
    lines.append(f"| peak heap (GC log, -Xmx512m; the devices and the lab broker share the JVM), and resident memory | {heap} | "
                 f"– | ≤ 512 MiB heap {'✔' if campaign['peak_heap_holds'] else '✘'} | no OutOfMemoryError: "
                 f"{'yes' if all(d['out_of_memory'] == 0 for d in sc.values()) else 'NO'} |")
    lines += ["", f"Where one device's campaign goes (the 1-device run: {campaign['sum_of_cases_s']:.1f} s over "
              f"{len(campaign['per_case'])} cases; the cases over 1 s):", "",
              "| case | title | verdict | time | share |", "|---|---|---|---|---|"]
    for c in campaign["per_case"]:
        if c["s"] >= 1:
            lines.append(f"| {c['case']} | {c['title']} | {c['verdict']} | {c['s']:.1f} s | {c['share'] * 100:.0f} % |")
    rest = [c for c in campaign["per_case"] if c["s"] < 1]
    lines.append(f"| {len(rest)} other cases | | | {sum(c['s'] for c in rest):.1f} s | {sum(c['share'] for c in rest) * 100:.0f} % |")
Path(out_md).write_text("\n".join(lines) + "\n")
