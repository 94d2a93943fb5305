"""Deflate: a zlib/DEFLATE (RFC 1950/1951) decompressor written in Python
(docs/bench.md).

The input is made here, untimed: 64 KiB of generated text is compressed
by the compressor below (greedy LZ77 over hash chains, then stored, fixed-code
and dynamic-code blocks in turn). The timed part inflates it n times: a bit
reader over an int, Huffman decoding through lookup tables, back-reference
copies, and the Adler-32 check. Checks: the output equals the original,
its Adler-32 matches, and a stream made by a different compressor (zlib
itself, embedded below) inflates to the text it was made from.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 1, "quick": 4, "full": 24}  # inflations of a 64 KiB text
TEXT_SIZE = 65536

# --- the format's tables ---------------------------------------------------

LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
               67, 83, 99, 115, 131, 163, 195, 227, 258]
LENGTH_EXTRA = [0] * 8 + [1] * 4 + [2] * 4 + [3] * 4 + [4] * 4 + [5] * 4 + [0]
DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
             1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
DIST_EXTRA = [0, 0, 0, 0] + [k // 2 for k in range(2, 28)]
CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
FIXED_LITERAL_LENGTHS = [8] * 144 + [9] * 112 + [7] * 24 + [8] * 8
FIXED_DISTANCE_LENGTHS = [5] * 30


def adler32(data):
    a, b = 1, 0
    for start in range(0, len(data), 5552):  # the largest run without overflow in 32 bits
        for byte in data[start:start + 5552]:
            a += byte
            b += a
        a %= 65521
        b %= 65521
    return (b << 16) | a


# --- inflate (the timed part) ----------------------------------------------

class BitReader:
    def __init__(self, data, pos):
        self.data = data
        self.pos = pos  # next byte to load
        self.bits = 0
        self.count = 0

    def need(self, n):
        """At least n bits buffered (zeros past the end of the data)."""
        while self.count < n:
            if self.pos < len(self.data):
                self.bits |= self.data[self.pos] << self.count
            self.pos += 1
            self.count += 8

    def read(self, n):
        if self.count < n:
            self.need(n)
        value = self.bits & ((1 << n) - 1)
        self.bits >>= n
        self.count -= n
        return value

    def align(self):
        """Drops the bits left in the current byte."""
        drop = self.count & 7
        self.bits >>= drop
        self.count -= drop


class Huffman:
    """A canonical code as a table indexed by the next `width` input bits
    (least significant first): entry = symbol << 4 | code length."""

    def __init__(self, lengths):
        width = max(lengths)
        counts = [0] * (width + 1)
        for n in lengths:
            counts[n] += 1
        counts[0] = 0
        code = 0
        next_code = [0] * (width + 2)
        for n in range(1, width + 1):
            code = (code + counts[n - 1]) << 1
            next_code[n] = code
        table = [0] * (1 << width)
        for symbol, n in enumerate(lengths):
            if n:
                c = next_code[n]
                next_code[n] += 1
                reversed_code = 0
                for _ in range(n):
                    reversed_code = (reversed_code << 1) | (c & 1)
                    c >>= 1
                for fill in range(reversed_code, 1 << width, 1 << n):
                    table[fill] = symbol << 4 | n
        self.table = table
        self.width = width
        self.mask = (1 << width) - 1

    def decode(self, reader):
        if reader.count < self.width:
            reader.need(self.width)
        entry = self.table[reader.bits & self.mask]
        n = entry & 15
        if n == 0:
            raise WrongResult("invalid Huffman code in the stream")
        reader.bits >>= n
        reader.count -= n
        return entry >> 4


FIXED = None


def read_dynamic_codes(reader):
    literals = reader.read(5) + 257
    distances = reader.read(5) + 1
    code_count = reader.read(4) + 4
    code_lengths = [0] * 19
    for i in range(code_count):
        code_lengths[CODE_LENGTH_ORDER[i]] = reader.read(3)
    code = Huffman(code_lengths)
    lengths = []
    while len(lengths) < literals + distances:
        symbol = code.decode(reader)
        if symbol < 16:
            lengths.append(symbol)
        elif symbol == 16:
            lengths.extend([lengths[-1]] * (3 + reader.read(2)))
        elif symbol == 17:
            lengths.extend([0] * (3 + reader.read(3)))
        else:
            lengths.extend([0] * (11 + reader.read(7)))
    return Huffman(lengths[:literals]), Huffman(lengths[literals:])


def inflate_block(reader, out, literal_code, distance_code):
    while True:
        symbol = literal_code.decode(reader)
        if symbol < 256:
            out.append(symbol)
        elif symbol == 256:
            return
        else:
            symbol -= 257
            length = LENGTH_BASE[symbol] + reader.read(LENGTH_EXTRA[symbol])
            symbol = distance_code.decode(reader)
            distance = DIST_BASE[symbol] + reader.read(DIST_EXTRA[symbol])
            start = len(out) - distance
            if distance >= length:
                out += out[start:start + length]
            else:  # the copy overlaps what it writes: repeat the period
                while length > 0:
                    chunk = min(length, distance)
                    out += out[start:start + chunk]
                    length -= chunk


def inflate(stream):
    """Decompresses a zlib stream; returns the bytes."""
    global FIXED
    if (stream[0] * 256 + stream[1]) % 31 or stream[0] & 15 != 8:
        raise WrongResult("not a zlib stream")
    reader = BitReader(stream, 2)
    out = bytearray()
    final = 0
    while not final:
        final = reader.read(1)
        kind = reader.read(2)
        if kind == 0:
            reader.align()
            size = reader.read(16)
            if reader.read(16) != size ^ 0xFFFF:
                raise WrongResult("stored block length check failed")
            # The buffer is byte-aligned now: copy straight from the data.
            start = reader.pos - reader.count // 8
            out += stream[start:start + size]
            reader.pos = start + size
            reader.bits = reader.count = 0
        elif kind == 1:
            if FIXED is None:
                FIXED = Huffman(FIXED_LITERAL_LENGTHS), Huffman(FIXED_DISTANCE_LENGTHS)
            inflate_block(reader, out, FIXED[0], FIXED[1])
        elif kind == 2:
            literal_code, distance_code = read_dynamic_codes(reader)
            inflate_block(reader, out, literal_code, distance_code)
        else:
            raise WrongResult("reserved block type")
    reader.align()
    start = reader.pos - reader.count // 8
    checksum = int.from_bytes(stream[start:start + 4], "big")
    if adler32(out) != checksum:
        raise WrongResult("Adler-32 mismatch")
    return bytes(out)


# --- deflate (untimed: makes the input) ------------------------------------

class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.bits = 0
        self.count = 0

    def write(self, value, n):
        self.bits |= value << self.count
        self.count += n
        while self.count >= 8:
            self.out.append(self.bits & 255)
            self.bits >>= 8
            self.count -= 8

    def write_code(self, code, n):
        """Huffman codes go most significant bit first."""
        reversed_code = 0
        for _ in range(n):
            reversed_code = (reversed_code << 1) | (code & 1)
            code >>= 1
        self.write(reversed_code, n)

    def flush(self):
        if self.count:
            self.out.append(self.bits & 255)
        self.bits = self.count = 0


def code_lengths(freqs, limit):
    """Huffman code lengths for the frequencies, none longer than limit
    (halving the frequencies until the tree is shallow enough)."""
    freqs = list(freqs)
    while True:
        nodes = [(f, [s]) for s, f in enumerate(freqs) if f]
        lengths = [0] * len(freqs)
        if len(nodes) == 1:
            lengths[nodes[0][1][0]] = 1
            return lengths
        while len(nodes) > 1:
            nodes.sort(key=lambda node: node[0])
            (f1, s1), (f2, s2) = nodes[0], nodes[1]
            for s in s1 + s2:
                lengths[s] += 1
            nodes[:2] = [(f1 + f2, s1 + s2)]
        if max(lengths) <= limit:
            return lengths
        freqs = [(f >> 1) | 1 if f else 0 for f in freqs]


def canonical_codes(lengths):
    counts = [0] * 16
    for n in lengths:
        counts[n] += 1
    counts[0] = 0
    code, next_code = 0, [0] * 16
    for n in range(1, 16):
        code = (code + counts[n - 1]) << 1
        next_code[n] = code
    codes = [0] * len(lengths)
    for s, n in enumerate(lengths):
        if n:
            codes[s] = next_code[n]
            next_code[n] += 1
    return codes


def length_symbol(length):
    for i in range(len(LENGTH_BASE) - 1, -1, -1):
        if LENGTH_BASE[i] <= length:
            return i


def distance_symbol(distance):
    for i in range(len(DIST_BASE) - 1, -1, -1):
        if DIST_BASE[i] <= distance:
            return i


def lz77(data):
    """Greedy matching: tokens are a byte, or (length, distance)."""
    heads = {}
    tokens = []
    i, n = 0, len(data)
    while i < n:
        best_len = best_dist = 0
        if i + 2 < n:
            key = data[i:i + 3]
            chain = heads.get(key)
            if chain:
                for j in reversed(chain[-16:]):
                    if i - j > 32768:
                        break
                    k = 3
                    while k < 258 and i + k < n and data[j + k] == data[i + k]:
                        k += 1
                    if k > best_len:
                        best_len, best_dist = k, i - j
            heads.setdefault(key, []).append(i)
        if best_len >= 3:
            tokens.append((best_len, best_dist))
            for p in range(i + 1, min(i + best_len, n - 2)):
                heads.setdefault(data[p:p + 3], []).append(p)
            i += best_len
        else:
            tokens.append(data[i])
            i += 1
    return tokens


def encode_lengths(lengths):
    """Run-length encodes code lengths with symbols 16, 17, 18."""
    out = []
    i = 0
    while i < len(lengths):
        n = lengths[i]
        run = 1
        while i + run < len(lengths) and lengths[i + run] == n:
            run += 1
        if n == 0 and run >= 3:
            run = min(run, 138)
            out.append((17, run - 3, 3) if run <= 10 else (18, run - 11, 7))
        elif n != 0 and run >= 4:
            run = min(run, 7)
            out.append((n, 0, 0))
            out.append((16, run - 4, 2))
        else:
            run = 1
            out.append((n, 0, 0))
        i += run
    return out


def write_tokens(w, tokens, lit_lengths, dist_lengths):
    lit_codes = canonical_codes(lit_lengths)
    dist_codes = canonical_codes(dist_lengths)
    for t in tokens:
        if isinstance(t, int):
            w.write_code(lit_codes[t], lit_lengths[t])
        else:
            length, distance = t
            s = length_symbol(length)
            w.write_code(lit_codes[257 + s], lit_lengths[257 + s])
            w.write(length - LENGTH_BASE[s], LENGTH_EXTRA[s])
            d = distance_symbol(distance)
            w.write_code(dist_codes[d], dist_lengths[d])
            w.write(distance - DIST_BASE[d], DIST_EXTRA[d])
    w.write_code(lit_codes[256], lit_lengths[256])


def write_dynamic(w, tokens):
    lit_freq, dist_freq = [0] * 286, [0] * 30
    lit_freq[256] = 1
    for t in tokens:
        if isinstance(t, int):
            lit_freq[t] += 1
        else:
            lit_freq[257 + length_symbol(t[0])] += 1
            dist_freq[distance_symbol(t[1])] += 1
    if not any(dist_freq):
        dist_freq[0] = 1
    lit_lengths = code_lengths(lit_freq, 15)
    dist_lengths = code_lengths(dist_freq, 15)
    literals = max(s for s in range(286) if lit_lengths[s]) + 1
    distances = max(s for s in range(30) if dist_lengths[s]) + 1
    runs = encode_lengths(lit_lengths[:literals] + dist_lengths[:distances])
    cl_freq = [0] * 19
    for symbol, _, _ in runs:
        cl_freq[symbol] += 1
    cl_lengths = code_lengths(cl_freq, 7)
    cl_codes = canonical_codes(cl_lengths)
    count = 19
    while count > 4 and cl_lengths[CODE_LENGTH_ORDER[count - 1]] == 0:
        count -= 1
    w.write(2, 2)
    w.write(literals - 257, 5)
    w.write(distances - 1, 5)
    w.write(count - 4, 4)
    for i in range(count):
        w.write(cl_lengths[CODE_LENGTH_ORDER[i]], 3)
    for symbol, extra, bits in runs:
        w.write_code(cl_codes[symbol], cl_lengths[symbol])
        w.write(extra, bits)
    write_tokens(w, tokens, lit_lengths[:literals] + [0] * (286 - literals), dist_lengths)


def compress(data, block_size=16384):
    """A zlib stream of data; blocks take turns being dynamic, fixed and
    stored so the decompressor meets all three."""
    w = BitWriter()
    w.write(0x78, 8)
    w.write(0x01, 8)  # (0x78 * 256 + 0x01) % 31 == 0
    blocks = [data[i:i + block_size] for i in range(0, len(data), block_size)] or [b""]
    for k, block in enumerate(blocks):
        final = 1 if k == len(blocks) - 1 else 0
        kind = k % 5
        if kind == 4:
            w.write(final, 1)
            w.write(0, 2)
            w.flush()
            w.out += len(block).to_bytes(2, "little") + (len(block) ^ 0xFFFF).to_bytes(2, "little")
            w.out += block
        elif kind == 3:
            w.write(final, 1)
            w.write(1, 2)
            write_tokens(w, lz77(block), FIXED_LITERAL_LENGTHS, FIXED_DISTANCE_LENGTHS)
        else:
            w.write(final, 1)
            write_dynamic(w, lz77(block))
    w.flush()
    w.out += adler32(data).to_bytes(4, "big")
    return bytes(w.out)


# --- the workload ----------------------------------------------------------

SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "du", "gra", "sto",
             "zi", "fa", "hu", "bel", "qua", "nor", "ex", "it")


def make_text(size, seed):
    """Pseudo-words, numbers and hex runs: about 2.5 : 1 for zlib."""
    state = seed
    parts = []
    total = 0
    while total < size:
        state = (1103515245 * state + 12345) & 0x7FFFFFFF
        r = state >> 8
        if r % 11 == 0:
            piece = "%d.%03d\n" % (r % 100000, r % 997)
        elif r % 31 == 0:
            piece = bytes((r >> k) & 255 for k in range(0, 40, 5)).hex() + " "
        else:
            piece = "".join(SYLLABLES[(r >> k) % len(SYLLABLES)] for k in range(0, 3 * (1 + r % 3), 3))
            piece += ", " if r % 7 == 0 else " "
        parts.append(piece)
        total += len(piece)
    return "".join(parts)[:size].encode("ascii")


# zlib.compress(make_text(3000, 99), 9) by CPython 3.11 (zlib 1.2.13).
ZLIB_STREAM = bytes.fromhex(
    "78da4d56ed7283380cfccf53f80118c636fec08f43025c9886904b20d3c9d3dfae44d26b3329c5b22cedae243ff79ffe"
    "9f476fa6feba1aefbc1b4b3fd968e5c7dc4633fe3ef7f1d75cd79fbe36c37e1b6febc3fcbbf766decc63fee9f1b5f530"
    "7ccf70f05a6fa3bc824b6c4a5dcca9b13654efb9868bf78c258335f8bdec8f19260b76f37c8d411c5ef6af8362bd6b9b"
    "d6c78aa73e77b51d10d0321b980ec3349ea77efc06dc76de3629f9eab25ff6da9cc6ab796e2b0347748f19e7ea41081e"
    "39bc6726725d61f6dcf1f6b9df4783cfd47317329cb761c79f275cdd47acd3d5bc31963ebad8daec6c7b9c8c357c90de"
    "7b9e37a67b1b971909e3c8ae1b824fb97c6d1903e2e1e1e3ef0bc8e20f9d86a1f4394c279b0fc30d9877b96d1b9bbb0a"
    "66c5779d6b5c972be6020ce062de5e2b4fc7237d942987724ae7ef61b771ebb1f507d902c1db587313a1342ebb929a10"
    "0bd1c52ae3664cdc01f0690c4689e17b063e881aabcb2c3c002539ad58d735b9b595240fa78ae032530ae24944c13349"
    "09f6628dbfe63cba347669fa068a20dff38388bdd63bc2cc29fbd264e72ac27005f4af75fc25ad0ab13238d0e79d3a55"
    "62cec9a66287b34d7f603f40c7d6535e12fb4d63c7c27d24cfcc50d18333d102a26e3b87cc5a6897cc8b163ecaa7c986"
    "500cfdb6c1dbd8946cab305adfda53f98ad17b1bb0047c29f61ac216a919aa6aea8587010bf4775d99e38d10e28b6a63"
    "be4231e5a75c480262b0506662045c2441a027b6a44a62c35be6c698f54cfed62a34fa97f0b10be219869872df9fbe81"
    "73c332eb395218d856f309048a14708ed4c2f1b873035311f2a54e8cd4b618dfc70f687c66442ac3a917028ddaabba58"
    "305c678550d8c83ac4d10f534cd61fd1a9596adb9cc18faf78084e130db0f0a479e01964b24f80cbd2c6609b823672b6"
    "03f401697c44b7b0e3bc56c1fe3d5fb885a1021a79beec04ed22e2376c03520f807de12128ce685d6a7ce92a69a0027d"
    "2dc6dc496c77c9430b439be76d245c8ab1d267b4ee5ef24c7dbe56415cda07732dc13a14aaada42109f44ab151e40920"
    "bba22a46e0036982240d8e16705d9552fadf980e6c240f3375edd4b910be180b715b2ffd96345327b572a8cd110031c2"
    "c7acbc8aead81b056f6629c40292ad8705827ead92d9d1a94455f501c8b18b3570d4960a9998b0169117d9e47b389492"
    "079825c773db8fe5db2c2515d6d920f2a2e703248981de3c6cdb2609900801af98960ca6a9e73694734039bb1841a848"
    "da882aa64f520c42beb56e85e39ffe43a8c3f8695d71361c31d13d2b5b4a43444a07aa782967e59d8514430a4d0eb152"
    "bcb8b0ccdaa42489d74ac42ebb002d21a889e0c12102373ebbe41bc8a5a20cc402480aef300a31e288e26d45fe19efa4"
    "b350a1109ad985512d2536be2d1c39c4e018a3524e78aeb56a647e73a92b5dc84d682350658fab8fa3a545e188e84bee"
    "1a8cae8a13a216fdb1a6109a0a630827d4f8ff3aa7927dd18e227800aa146c5b1a1fbb8a4c2180e4bb901a2425d31ede"
    "747298836c698e828c94b88e0e6d965c960b4b3e8753ec63ff15be76ea2361fd7c6bfe80828221194aa37a7badd2d5b9"
    "97beb763b2b02189331e8d5c3b5b1c80b515015452958845eba8569f771dd21ca2224e69d41bb9d0feb9088cd1fa1200"
    "6baa346115fc207715060247b7515b918c0f4eddfa484b2f0e266517a0170cafdba872d6f2e2ac906b18cf51ad5218ea"
    "0c0bcee7366334fb4ab8d471a657051191441ebdc5e5ad607ee33d75f1376479d5aab58f799f4269ba2e546c75d2b36b"
    "85e3b21f39c8c412e17fa8959122c3071bb02c83d36cfda152b5f5a5751cbfb672bea84ee4162263cba7921b97e49500"
    "4c01e9fde4986c7f114cbd6ad01c337a912185ff5d2919d7d3840bd4f8e9b348a8ed6283eb43c502598e312d3314fe71"
    "6d44ba0eb110326d04daf6ccf71aee72486dd3a54e83c3aedc96d2e112e82aa90474caff00b892daf3")

INPUT = []


def setup(n):
    data = make_text(TEXT_SIZE, 2024)
    INPUT[:] = [data, compress(data)]


def run(n):
    stream = INPUT[1]
    return [inflate(stream) for _ in range(n)]


def check(n, result):
    expect("inflations", len(result), n)
    for out in result:
        expect("inflated length", len(out), TEXT_SIZE)
        if out != INPUT[0]:
            raise WrongResult("the inflated bytes differ from the original")
    if inflate(ZLIB_STREAM) != make_text(3000, 99):
        raise WrongResult("zlib's stream inflated to something else")


if __name__ == "__main__":
    main(run, check, SIZES, setup)
