module example.com/kyc

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
