module git.regionems.org/cad/cad-platform

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/nats-io/nats.go v1.34.1
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
