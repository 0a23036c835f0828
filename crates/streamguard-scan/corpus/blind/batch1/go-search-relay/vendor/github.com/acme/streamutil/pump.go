// Package streamutil has small helpers for relaying gRPC streams.
package streamutil

import (
	"context"
	"errors"
	"io"
	"time"
)

// Receiver is anything with a Recv method returning T.
type Receiver[T any] interface {
	Recv() (T, error)
}

// Sender is anything with a Send method taking T.
type Sender[T any] interface {
	Send(T) error
}

// Pump copies messages from src to dst until src ends or either side fails.
func Pump[T any](src Receiver[T], dst Sender[T]) error {
	for {
		m, err := src.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := dst.Send(m); err != nil {
			return err
		}
	}
}

// Retry calls fn until it succeeds or attempts run out, sleeping between tries.
func Retry(attempts int, backoff time.Duration, fn func(context.Context) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = fn(ctx)
		cancel()
		if err == nil {
			return nil
		}
		time.Sleep(backoff << i)
	}
	return err
}
