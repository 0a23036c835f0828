module github.com/ridely/dispatch

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	golang.org/x/time v0.6.0
	google.golang.org/grpc v1.66.2
	google.golang.org/protobuf v1.34.2
)
