module lobby.arcadia.gg/platform

go 1.23

require (
	golang.org/x/time v0.6.0
	google.golang.org/grpc v1.66.0
	google.golang.org/protobuf v1.34.2
	github.com/redis/go-redis/v9 v9.6.1
)
