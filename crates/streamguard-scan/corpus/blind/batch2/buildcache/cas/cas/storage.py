import hashlib
import os
import tempfile


class DiskStore:
    def __init__(self, root: str):
        self.root = root
        os.makedirs(os.path.join(root, "tmp"), exist_ok=True)

    def path(self, digest_hash: str) -> str:
        return os.path.join(self.root, digest_hash[:2], digest_hash)

    def open_read(self, digest_hash: str):
        return open(self.path(digest_hash), "rb")

    def begin_write(self):
        fd, tmp = tempfile.mkstemp(dir=os.path.join(self.root, "tmp"))
        return os.fdopen(fd, "wb"), tmp

    def commit(self, tmp: str, expected_hash: str, expected_size: int) -> int:
        h = hashlib.sha256()
        size = 0
        with open(tmp, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
                size += len(block)
        if h.hexdigest() != expected_hash or size != expected_size:
            os.unlink(tmp)
            raise ValueError("digest mismatch")
        dest = self.path(expected_hash)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        os.replace(tmp, dest)
        return size
