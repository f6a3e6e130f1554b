group "all" {
  targets = ["web", "api", "docs"]
}

target "web" {
  args = {
    FROM  = "hcl"
    EXTRA = "1"
  }
  tags       = ["example/web:hcl"]
  cache-from = [{ type = "registry", ref = "example/web:hclcache" }, "type=gha,scope=web"]
  platforms  = ["linux/arm64"]
  labels = {
    "org.opencontainers.image.source" = "https://example.com/repo"
  }
}

target "docs" {
  context    = "docs"
  dockerfile = "Dockerfile.docs"
  output     = ["type=local,dest=out/docs"]
}
