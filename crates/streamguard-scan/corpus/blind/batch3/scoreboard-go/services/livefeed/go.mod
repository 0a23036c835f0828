module github.com/playbook/livefeed

go 1.22.4

require (
	github.com/MicahParks/keyfunc/v3 v3.3.3
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/playbook/ringbuf v0.3.0
	github.com/playbook/stats-api v0.0.0
	github.com/redis/go-redis/v9 v9.5.3
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.65.0
	google.golang.org/protobuf v1.34.2
)

replace github.com/playbook/stats-api => ../stats-api
