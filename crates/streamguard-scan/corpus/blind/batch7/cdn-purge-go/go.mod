module git.fastlane-cdn.net/platform/edgecfg

go 1.23

require (
	github.com/go-redis/redis_rate/v10 v10.0.1
	golang.org/x/sync v0.7.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/nats-io/nats.go v1.36.0
	github.com/redis/go-redis/v9 v9.5.3
	google.golang.org/grpc v1.66.0
	google.golang.org/protobuf v1.34.2
)
