module example.org/desal

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.10.0
	github.com/nats-io/nats.go v1.34.1
	google.golang.org/grpc v1.63.2
	google.golang.org/protobuf v1.33.0
)
