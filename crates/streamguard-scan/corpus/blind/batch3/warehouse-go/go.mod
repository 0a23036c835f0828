module github.com/northwind/warehouse

go 1.22.5

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/redis/go-redis/v9 v9.6.1
	golang.org/x/time v0.6.0
	google.golang.org/grpc v1.65.0
	google.golang.org/protobuf v1.34.2
)
