module gitlab.transitco.example/depot/charging

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/redis/go-redis/v9 v9.5.3
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
