import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("REVIEW_JWT_PUBLIC_KEY", str(pathlib.Path(__file__).with_name("jwt_test.pub")))
