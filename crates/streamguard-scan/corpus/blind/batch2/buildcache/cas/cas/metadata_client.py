import grpc

from cas.gen import cache_pb2, cache_pb2_grpc


class MetadataClient:
    def __init__(self, address: str, timeout_s: float = 30.0):
        self._stub = cache_pb2_grpc.MetadataStub(grpc.insecure_channel(address))
        self._timeout = timeout_s

    def resolve(self, instance: str, digest) -> cache_pb2.Directory:
        resp = self._stub.ResolveDirectory(
            cache_pb2.ResolveDirectoryRequest(instance_name=instance, digest=digest),
            timeout=self._timeout,
        )
        return resp.directory
