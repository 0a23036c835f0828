package config

import (
	"os"
	"time"
)

type Config struct {
	Listen         string
	JWTKeyFile     string
	Issuer         string
	Audience       string
	NatsURL        string
	RedisAddr      string
	DatabaseURL    string
	MaxStream      time.Duration
	CommandsPerMin int
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func Load() Config {
	return Config{
		Listen:         env("PDUD_LISTEN", ":50500"),
		JWTKeyFile:     env("PDUD_JWT_KEY", "/etc/pdud/jwt.pub"),
		Issuer:         env("PDUD_ISSUER", "https://idp.dc.example"),
		Audience:       "pdud",
		NatsURL:        env("NATS_URL", "nats://127.0.0.1:4222"),
		RedisAddr:      env("REDIS_ADDR", "127.0.0.1:6379"),
		DatabaseURL:    env("DATABASE_URL", "postgres://pdud@localhost/pdud"),
		MaxStream:      20 * time.Minute,
		CommandsPerMin: 12,
	}
}
