module example.com/geotiles

go 1.23

require (
	github.com/lestrrat-go/jwx/v2 v2.1.1
	golang.org/x/time v0.7.0
	google.golang.org/grpc v1.67.1
	google.golang.org/protobuf v1.35.1
)
