package main

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/test/bufconn"

	"github.com/northwind/chat/chatpb"
)

func token(t *testing.T, secret []byte, rooms ...string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, chatClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   "tester",
			Audience:  jwt.ClaimStrings{"chat"},
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute)),
		},
		Rooms: rooms,
	})
	s, err := tok.SignedString(secret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConnectRejectsForeignRoomOnJoin(t *testing.T) {
	secret := []byte("test")
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer()
	chatpb.RegisterChatServer(srv, &chatServer{hub: newHub(), auth: &authenticator{secret: secret}})
	go srv.Serve(lis)
	defer srv.Stop()

	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token(t, secret, "general"))
	stream, err := chatpb.NewChatClient(conn).Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_ = stream.Send(&chatpb.ClientMessage{Payload: &chatpb.ClientMessage_Join{Join: &chatpb.Join{Room: "secret"}}})
	if _, err := stream.Recv(); err == nil {
		t.Fatal("expected PermissionDenied")
	}
}
