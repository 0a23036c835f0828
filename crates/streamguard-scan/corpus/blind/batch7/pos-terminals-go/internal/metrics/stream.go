// Package metrics counts messages per method with a wrapped ServerStream.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
)

var (
	received = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "pos_stream_msgs_received_total"}, []string{"method"})
	sent     = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "pos_stream_msgs_sent_total"}, []string{"method"})
)

func init() { prometheus.MustRegister(received, sent) }

type countingStream struct {
	grpc.ServerStream
	method string
}

func (s *countingStream) RecvMsg(m any) error {
	err := s.ServerStream.RecvMsg(m)
	if err == nil {
		received.WithLabelValues(s.method).Inc()
	}
	return err
}

func (s *countingStream) SendMsg(m any) error {
	err := s.ServerStream.SendMsg(m)
	if err == nil {
		sent.WithLabelValues(s.method).Inc()
	}
	return err
}

func StreamCounter(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, &countingStream{ServerStream: ss, method: info.FullMethod})
}
