module github.com/northwind/chat

go 1.21

require (
	github.com/golang-jwt/jwt/v5 v5.2.0
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.60.1
	google.golang.org/protobuf v1.32.0
)
