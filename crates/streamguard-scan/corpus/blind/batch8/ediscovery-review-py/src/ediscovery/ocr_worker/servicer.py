import io

import grpc
import pytesseract
from PIL import Image

from ..gen import ocr_pb2, ocr_pb2_grpc
from .limits import PeerLimiter


class OcrServicer(ocr_pb2_grpc.OcrServicer):
    def __init__(self, limiter: PeerLimiter) -> None:
        self._limiter = limiter

    def OcrStream(self, request_iterator, context):
        peer = context.peer()
        context.add_callback(lambda: self._limiter.forget(peer))
        for page in request_iterator:
            if not self._limiter.allow(peer):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many pages per second from this host")
            image = Image.open(io.BytesIO(page.png))
            data = pytesseract.image_to_data(image, lang=page.lang or "eng", output_type=pytesseract.Output.DICT)
            words = [w for w in data["text"] if w.strip()]
            confs = [float(c) for c in data["conf"] if float(c) >= 0]
            yield ocr_pb2.PageText(
                doc_id=page.doc_id,
                page=page.page,
                text=" ".join(words),
                confidence=(sum(confs) / len(confs) / 100.0) if confs else 0.0,
            )

    def Health(self, request, context):
        return ocr_pb2.HealthReply(serving=True)
