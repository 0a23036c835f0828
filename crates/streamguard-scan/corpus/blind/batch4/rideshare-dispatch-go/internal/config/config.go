package config

import (
	"fmt"
	"os"
	"time"
)

type Config struct {
	Listen        string
	PricingAddr   string
	JWTKeyFile    string
	Issuer        string
	QuoteTimeout  time.Duration
	MsgsPerSecond float64
}

func FromEnv() (Config, error) {
	c := Config{
		Listen:        getenv("DISPATCH_LISTEN", ":7070"),
		PricingAddr:   getenv("PRICING_ADDR", "pricing:7071"),
		JWTKeyFile:    os.Getenv("DISPATCH_JWT_KEY_FILE"),
		Issuer:        getenv("DISPATCH_JWT_ISSUER", "https://auth.ridely.example"),
		QuoteTimeout:  3 * time.Second,
		MsgsPerSecond: 5,
	}
	if c.JWTKeyFile == "" {
		return c, fmt.Errorf("DISPATCH_JWT_KEY_FILE is required (PEM public key of the auth service)")
	}
	return c, nil
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
