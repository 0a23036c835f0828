module github.com/forgeci/agent

go 1.22

require (
	github.com/forgeci/controller v0.0.0
	google.golang.org/grpc v1.64.0
)

replace github.com/forgeci/controller => ../controller
