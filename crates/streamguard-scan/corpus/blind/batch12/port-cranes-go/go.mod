module harbour.example/cranes

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.10.0
	github.com/minio/minio-go/v7 v7.0.69
	github.com/nats-io/nats.go v1.34.1
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.63.2
	google.golang.org/protobuf v1.33.0
)
