module git.internal/plant/sensor-gateway

go 1.22

require (
	google.golang.org/grpc v1.65.0
	google.golang.org/protobuf v1.34.2
	github.com/nats-io/nats.go v1.37.0
)
