package pubsub

import (
	"encoding/json"

	"github.com/nats-io/nats.go"
)

// Bus wraps the plant NATS connection.
type Bus struct{ nc *nats.Conn }

func Connect(url string) (*Bus, error) {
	nc, err := nats.Connect(url, nats.Name("sensor-gateway"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, err
	}
	return &Bus{nc: nc}, nil
}

func (b *Bus) Publish(subject string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.nc.Publish(subject, data)
}

// Subscribe delivers messages of subject on a buffered channel until cancel is called.
func (b *Bus) Subscribe(subject string) (<-chan *nats.Msg, func(), error) {
	ch := make(chan *nats.Msg, 64)
	sub, err := b.nc.ChanSubscribe(subject, ch)
	if err != nil {
		return nil, nil, err
	}
	return ch, func() { _ = sub.Unsubscribe() }, nil
}
