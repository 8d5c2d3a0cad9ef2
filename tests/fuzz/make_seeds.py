#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Write the record fuzzer's seed corpus: one well-formed record per kind
of payload (bpf/record.h's layout, x86_64 numbers), each after the fuzz
target's settings byte.  Run from the source tree when record.h changes:
    python3 tests/fuzz/make_seeds.py tests/fuzz/corpus/record
"""
import os
import struct
import sys

REC_CALL, REC_PROC_EXIT, REC_PROC_FORK, REC_LOST = 1, 2, 3, 4
NONE = (0xFFFF, 0, 0)


def call(nr, ret, args, blobs, payload, flags=0):
    """rec_call: header, ids, times, ret, ret_ino, 6 args, comm, 12 blobs,
    the stack blob, payload."""
    slots = [NONE] * 12
    for slot, blob in blobs.items():
        slots[slot] = blob
    body = struct.pack("<IIiIQQqQ6Q16s", 1000, 1000, nr, flags, 1, 2, ret, 0, *args, b"fuzzed")
    body += b"".join(struct.pack("<HHi", *b) for b in slots + [NONE])
    size = 8 + len(body) + len(payload)
    return struct.pack("<II", REC_CALL, size) + body + payload


def argv(strings, count=None):
    out = struct.pack("<IHH", len(strings) if count is None else count, len(strings), 0)
    for s in strings:
        out += struct.pack("<hH", len(s), 0) + s
    return out


def iov(bufs):
    out = struct.pack("<II", len(bufs), 0)
    for i, b in enumerate(bufs):
        out += struct.pack("<QQiI", 0x1000 * (i + 1), len(b), len(b), 0)
    for b in bufs:
        out += b
    return out


def seeds():
    path = b"/etc/passwd\0"
    yield "openat", call(257, 3, [(-100) & 0xFFFFFFFFFFFFFFFF, 0x7ff0, 0o2000000, 0, 0, 0],
                         {1: (0, 0, len(path) - 1)}, path)
    data = b"\x7fELF\x02\x01\x01\x03" + bytes(range(56))
    yield "read", call(0, 832, [3, 0x7ff0, 832, 0, 0, 0], {1: (0, 1, len(data))}, data)
    yield "write_escape", call(1, 10, [1, 0x7ff0, 10, 0, 0, 0], {1: (0, 0, 10)},
                               b"\033]0;pwned\007")
    exe = b"/bin/true\0"
    a = argv([b"true", b"--help"])
    e = argv([], count=41)
    payload = exe + a + e
    yield "execve", call(59, 0, [0x7ff0, 0x7ff8, 0x7fff, 0, 0, 0],
                         {6: (0, 0, len(exe) - 1), 7: (len(exe), 0, len(a)),
                          8: (len(exe) + len(a), 0, len(e)),
                          1: (len(exe), 0, len(a)), 2: (len(exe) + len(a), 0, len(e))}, payload)
    v = iov([b"hello ", b"world\n"])
    yield "writev", call(20, 12, [1, 0x7ff0, 2, 0, 0, 0], {1: (0, 0, len(v))}, v)
    sin = struct.pack("<HH4s8x", 2, 0x5000, bytes([127, 0, 0, 1]))
    yield "connect_inet", call(42, -111, [3, 0x7ff0, 16, 0, 0, 0], {1: (0, 0, 16)}, sin)
    sun = struct.pack("<H", 1) + b"/run/socket" * 12
    yield "connect_unix", call(42, 0, [3, 0x7ff0, len(sun), 0, 0, 0], {1: (0, 0, len(sun))}, sun)
    sin6 = struct.pack("<HHI16sI", 10, 0x5000, 0, bytes(15) + b"\1", 0)
    yield "connect_inet6", call(42, 0, [3, 0x7ff0, 28, 0, 0, 0], {1: (0, 0, 28)}, sin6)
    sa = struct.pack("<QQQQ", 0x401000, 0x04000000, 0x401100, 1 << 16)
    yield "rt_sigaction", call(13, 0, [17, 0x7ff0, 0x7ff8, 8, 0, 0],
                               {1: (0, 0, 32), 2: (0, 0, 32)}, sa)
    st = struct.pack("<QQQIIIiQqqq", 0x803, 42, 1, 0o100644, 0, 0, 0, 0, 1234, 4096, 8) + bytes(48)
    yield "newfstatat", call(262, 0, [3, 0x7ff0, 0x7ff8, 0x1000, 0, 0],
                             {1: (0, 0, 1), 2: (1, 0, len(st))}, b"\0" + st)
    yield "pipe2", call(293, 0, [0x7ff0, 0o2000000, 0, 0, 0, 0], {0: (0, 0, 8)},
                        struct.pack("<ii", 3, 4))
    yield "rt_sigprocmask", call(14, 0, [0, 0x7ff0, 0x7ff8, 8, 0, 0],
                                 {1: (0, 0, 8), 2: (8, 0, 8)}, struct.pack("<QQ", 1 << 16, ~0 & (2**64 - 1)))
    yield "unknown_nr", call(460, -38, [1, 2, 3, 4, 5, 6], {}, b"")
    yield "exit_group", call(231, 0, [0, 0, 0, 0, 0, 0], {}, b"", flags=1)
    yield "bad_blob", call(257, -2, [0, 0x7ff0, 0, 0, 0, 0], {1: (0, 0, -14)}, b"")
    yield "proc_exit", struct.pack("<IIIIQII", REC_PROC_EXIT, 32, 1000, 1000, 3, 0x8b, 1)
    yield "proc_fork", struct.pack("<IIIIIIQ", REC_PROC_FORK, 32, 1000, 1000, 1001, 1001, 4)
    yield "lost", struct.pack("<IIQ", REC_LOST, 16, 7)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/fuzz/corpus/record"
    os.makedirs(out, exist_ok=True)
    for name, record in seeds():
        # Settings 0x30: repair size and syscall number, strace's output
        # with default print options; then -v -xx, -f -yy, --json, --perf.
        for settings, suffix in ((0x30, ""), (0x37, "-vxx"), (0x70, "-fyy"),
                                 (0xb0, "-json"), (0xf0, "-perf")):
            with open(os.path.join(out, name + suffix), "wb") as f:
                f.write(bytes([settings]) + record)


if __name__ == "__main__":
    main()
