import logging
import os
from concurrent import futures

import grpc

from cas.bytestream import ByteStreamServicer
from cas.gen import cache_pb2_grpc
from cas.metadata_client import MetadataClient
from cas.storage import DiskStore
from cas.tree import TreesServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    store = DiskStore(os.environ.get("CAS_ROOT", "/var/cache/buildcache/cas"))
    metadata = MetadataClient(os.environ.get("METADATA_ADDR", "metadata.buildcache:7100"))

    with open(os.environ["CAS_TLS_CERT"], "rb") as c, open(os.environ["CAS_TLS_KEY"], "rb") as k:
        creds = grpc.ssl_server_credentials([(k.read(), c.read())])

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        options=[("grpc.max_receive_message_length", 64 * 1024 * 1024)],
    )
    cache_pb2_grpc.add_ByteStreamServicer_to_server(ByteStreamServicer(store), server)
    cache_pb2_grpc.add_TreesServicer_to_server(TreesServicer(metadata), server)
    server.add_secure_port(os.environ.get("CAS_LISTEN", "[::]:8980"), creds)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
