module example.org/railco/gates

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.10.0
	github.com/jackc/pgx/v5 v5.6.0
	github.com/nats-io/nats.go v1.35.0
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
