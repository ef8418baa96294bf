#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the ingestion fixtures under tests/data/ingest/inputs: small SDL traces in every input kind
(plain, gzip, cut gzip, .gzo as text, RTMT and CLI folders, zip, nested zip, tar, tar.gz, damaged
archives, binary and non-trace files). Byte-exact and timestamp-fixed, so the golden dumps stay
stable. Run from the repository root after changing it; then regenerate the golden dumps with
tests/tools/regen-golden-ingest.sh and review the diff."""
import gzip
import io
import os
import shutil
import tarfile
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "ingest", "inputs")
STAMP = (2026, 3, 2, 23, 0, 0)  # archive entry time: 2026-03-02 23:00:00, after every record
EPOCH = 1772492400  # the same instant in UTC for tar headers


def pad(value, width):
    return value + " " * max(1, width - len(value))


def sig(seq, time, kind, signal, state, dest, src, tag, rest):
    """A signal record with the fixed-width padding of untouched traces."""
    return (pad(seq, 13) + "|" + pad(time, 13) + "|" + pad(kind, 9) + "|" + pad(signal, 39) + "|" + pad(state, 31)
            + "|" + pad(dest, 33) + "|" + pad(src, 33) + "|" + pad(tag, 41) + "|" + rest)


def info(seq, time, kind, text):
    return pad(seq, 13) + "|" + pad(time, 13) + "|" + pad(kind, 9) + "|" + text


FIXED_WIDTH = "\n".join([
    sig("00895256.000", "08:59:16.944", "SdlSig", "CtiProviderOpenReq", "init_complete_await_provopen",
        "CTIHandler(1,200,22,7)", "CTIHandler(1,200,22,7)", "1,200,13,8.3^*^*",
        "[R:N-H:0,N:0,L:0,V:0,Z:0,D:0] Async Response=2 ProviderName=UCProvider LoginId=wwhite"),
    info("00895256.001", "08:59:16.944", "AppInfo",
         "[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI ProviderOpenResponse (seq#=2) provider id=16777223"),
    sig("00895261.000", "08:59:17.058", "SdlSig", "CtiLoginCheckReq", "ready", "Directory(1,200,23,1)",
        "CTIHandler(1,200,22,7)", "1,200,13,8.3^*^*",
        "[T:N-H:0,N:0,L:0,V:0,Z:0,D:0] Login=wwhite Seq#=2 Auth Style=0"),
    info("00895261.038", "08:59:17.149", "AppInfo", ""),
    "After Escaping for LDAP special Characters for Filter = wwhite",
    "    second continuation line keeps its | bars",
    info("00895261.039", "08:59:17.150", "AppError", "LineOpen failed. Removing Line. DH=1|38 LH=1|145"),
    sig("00895270.000", "08:59:17.300", "SdlSig-I", "CtiLineOpenLineRes", "ready", "CTIDeviceLineMgr(1,200,9,1)",
        "CTIRegistrar(3,100,26,1)", "1,200,21,167.6^10.10.10.100^CSFJKING", "[R:N-H:0,N:0,L:0,V:0,Z:0,D:0] LH=1|145"),
    sig("00895271.000", "08:59:17.301", "SdlSig-O", "CtiDeviceOpenDeviceReq", "NA RemoteSignal",
        "UnknownProcessName(2,200,25,1)", "CTIDeviceLineMgr(1,200,25,1)",
        "1,200,13,8.5^14.48.68.203^SEP001794625DE5", "[T:H-H:0,N:0,L:0,V:0,Z:0,D:0] DH=1|38"),
    info("00004373.000", "08:59:17.302", "SdlStat",
         "Period: 17s #Lines: 1 #Bytes: 240 Total Number of Buffers: 2000 Free LWM: 1999"),
    sig("00895337.000", "08:59:17.344", "SdlSig", "SdlDataInd", "ready", "CtiManager(1,200,21,1)",
        "SdlTCPConnection(1,200,13,8)", "1,200,13,8.6^*^*", "*TraceFlagOverrode"),
    "00895338.000 |08:59:17.345 |Create   |MediaResourceCdpc(2,100,139,128507)|MediaResourceManager(2,100,138,)|",
    "00895339.000 |08:59:17.346 |*TraceFlagOverrode |",
]) + "\n"

COLLAPSED = (
    "00895261.004 |08:59:17.067 |AppInfo | Decrypted Key Status success - [52] "
    "00895261.005 |08:59:17.067 |AppInfo |Nonce =cc64fd13 "
    "00895261.006 |08:59:17.067 |AppInfo |Nonce validation success\r\n"
    "00895262.000 |08:59:17.070 |SdlSig | CtiUserSettingsRes |verifying |CTIHandler(1,200,22,7) "
    "|CTIDbAccess(1,200,26,1) |1,200,13,8.4^*^* |[R:N-H:0,N:0,L:0,V:0,Z:0,D:0] mbSecurityEnabled=0\r\n"
    "00895263.000\u00a0 |08:59:17.071\u00a0 |AppInfo\u00a0\u00a0 |no-break space padding from a TAC page\r\n"
)

HEADER_ROLLOVER = (
    "CTI Manager SDL trace, written by a collection tool that adds a header\n"
    "------------------------------------------------------------------\n"
    "00001000.000 |23:59:59.900 |AppInfo |last record before midnight\n"
    "00001001.000 |00:00:00.100 |AppInfo |first record after midnight, caf\xe9 in Latin-1\n"
    "00001002.000 |00:00:00.050 |AppInfo |written slightly out of order, same day\n"
    "00001003.000 |25:61:00.000 |AppInfo |time of day out of range\n"
).encode("latin-1")


def trace(node, first_seq, start_second, count, label):
    lines = []
    for i in range(count):
        second = start_second + i
        time = "%02d:%02d:%02d.%03d" % (second // 3600, second // 60 % 60, second % 60, i * 7 % 1000)
        seq = "%08d.000" % (first_seq + i)
        if i % 2 == 0:
            lines.append(sig(seq, time, "SdlSig", "CtiLoginCheckReq", "ready", "Directory(%d,200,23,1)" % node,
                             "CTIHandler(%d,200,22,%d)" % (node, 7 + i), "%d,200,13,8.3^*^*" % node,
                             "[T:N-H:0,N:0,L:0,V:0,Z:0,D:0] Login=%s%d" % (label, i)))
        else:
            lines.append(info(seq, time, "AppInfo", "%s record %d on node %d" % (label, i, node)))
    return ("\n".join(lines) + "\n").encode()


def write(path, data):
    path = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def gz(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as f:
        f.write(data)
    return out.getvalue()


def zip_bytes(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def tar_bytes(entries):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in entries:
            info_ = tarfile.TarInfo(name)
            info_.size = len(data)
            info_.mtime = EPOCH
            t.addfile(info_, io.BytesIO(data))
    return out.getvalue()


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    long_line = info("00000002.000", "10:00:00.001", "AppInfo", "x" * 5000)
    write("grammar/fixed-width.txt", FIXED_WIDTH.encode())
    write("grammar/collapsed-pasted-crlf.txt", COLLAPSED.encode())
    write("grammar/header-rollover-latin1.txt", HEADER_ROLLOVER)
    write("grammar/long-line.txt", (info("00000001.000", "10:00:00.000", "AppInfo", "short") + "\n" + long_line
                                    + "\n" + info("00000003.000", "10:00:00.002", "AppInfo", "after") + "\n").encode())

    # RTMT download: one folder per node, files rotated; the second file of node 1 is gzip.
    rtmt = "rtmt/%s/cm/trace/cti/sdl/%s"
    write(rtmt % ("10.0.0.1", "SDL001_200_000002.txt.gz"), gz(trace(1, 2000, 36010, 4, "second")))
    write(rtmt % ("10.0.0.1", "SDL001_200_000001.txt"), trace(1, 1000, 36000, 4, "first"))
    write(rtmt % ("10.0.0.2", "SDL002_200_000007.txt"), trace(2, 5000, 36005, 4, "other"))
    write("rtmt/10.0.0.2/RTMT-notes.txt", b"Collected with RTMT Trace and Log Central.\n")

    # CLI "file get": <host>/<timestamp>/cm/trace/...; the active .gzo is plain text here.
    write("cli/cucm1/2026-03-02_10-00-00/cm/trace/cti/sdl/SDL001_200_000009.txt.gzo", trace(1, 9000, 43200, 3, "active"))

    # Single files: gzip named .txt (magic bytes win), .gzo cut mid-stream, binary, empty.
    write("files/SDL001_200_000010.txt", gz(trace(1, 10000, 40000, 3, "gzip-named-txt")))
    whole = gz(trace(1, 11000, 40100, 400, "cut"))
    write("files/SDL001_200_000011.txt.gzo", whole[: len(whole) * 2 // 3])
    write("files/core.bin", bytes(range(256)) * 8)
    write("files/empty.txt", b"")

    # Zip of node folders holding .gz files, plus a nested zip and a non-trace file.
    inner = zip_bytes([("cucm2/cm/trace/cti/sdl/SDL002_200_000003.txt", trace(2, 3000, 50000, 3, "nested"))])
    write("archives/bundle.zip", zip_bytes([
        ("cucm1/cm/trace/cti/sdl/SDL001_200_000001.txt.gz", gz(trace(1, 100, 50001, 3, "zipped"))),
        ("cucm1/cm/trace/cti/sdl/SDL001_200_000002.txt.gzo", trace(1, 200, 50010, 2, "zipped-active")),
        ("inner.zip", inner),
        ("README.txt", b"RTMT collection\n"),
    ]))
    tar_entries = [("cucm3/cm/trace/cti/sdl/SDL003_200_000001.txt", trace(3, 300, 60000, 2, "tar"))]
    write("archives/bundle.tar", tar_bytes(tar_entries))
    write("archives/bundle.tgz", gz(tar_bytes([("cucm4/cm/trace/cti/sdl/SDL004_200_000001.txt.gz",
                                                 gz(trace(4, 400, 61000, 2, "tgz")))])))
    deep = zip_bytes([("level3.zip", zip_bytes([("SDL005_200_000001.txt", trace(5, 500, 62000, 1, "deep"))]))])
    write("archives/too-deep.zip", zip_bytes([("level2.zip", deep)]))
    damaged = bytearray(zip_bytes([("SDL006_200_000001.txt", trace(6, 600, 63000, 3, "damaged"))]))
    write("archives/damaged.zip", bytes(damaged[:40]) + b"\0" * 30)
    # A zip whose directory is intact but one member's deflate data is overwritten in the middle.
    member = trace(7, 700, 64000, 300, "member")
    good = zip_bytes([("SDL007_200_000001.txt", trace(7, 690, 63990, 2, "intact")),
                      ("SDL007_200_000002.txt", member)])
    start = good.index(b"SDL007_200_000002.txt") + len("SDL007_200_000002.txt")
    broken = bytearray(good)
    broken[start + 200:start + 260] = b"\xff" * 60
    write("archives/damaged-member.zip", bytes(broken))


if __name__ == "__main__":
    main()
