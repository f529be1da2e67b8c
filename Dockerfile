# syntax=docker/dockerfile:1
# The app image: the explorer (Graph.Web) and the CLI (graph), with the bundled corpus and the schema.
# Build: the .NET 10 SDK, plus Node/npm for the front-end libraries (Cytoscape.js and its extensions, the Cypher editor).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the project files only, so that code changes do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Graph.Model/Graph.Model.csproj src/Graph.Model/
COPY src/Graph.Extraction/Graph.Extraction.csproj src/Graph.Extraction/
COPY src/Graph.Store/Graph.Store.csproj src/Graph.Store/
COPY src/Graph.Cypher/Graph.Cypher.csproj src/Graph.Cypher/
COPY src/Graph.Neo4j/Graph.Neo4j.csproj src/Graph.Neo4j/
COPY src/Graph.Sources/Graph.Sources.csproj src/Graph.Sources/
COPY src/Graph.Web/Graph.Web.csproj src/Graph.Web/
COPY src/Graph.Cli/Graph.Cli.csproj src/Graph.Cli/
RUN dotnet restore src/Graph.Web/Graph.Web.csproj && dotnet restore src/Graph.Cli/Graph.Cli.csproj

# Front-end libraries from npm; LibMan copies the files the page loads into wwwroot/lib at build (not committed).
COPY package.json package-lock.json libman.json ./
COPY bundles/ bundles/
COPY wwwroot/ wwwroot/
RUN npm ci --no-audit --no-fund --loglevel=error

COPY src/ src/
COPY graph/ graph/
RUN dotnet publish src/Graph.Web/Graph.Web.csproj -c Release --no-restore -o /out/web \
 && dotnet publish src/Graph.Cli/Graph.Cli.csproj -c Release --no-restore -o /out/cli

# Run: the ASP.NET Core runtime only.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# DejaVu Sans for the text of the server-drawn citation picture (GET /api/export?format=png).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/web /app/web
COPY --from=build /out/cli /app/cli
COPY --from=build /src/wwwroot /app/wwwroot
COPY --from=build /src/graph /app/graph
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_WEBROOT=/app/wwwroot \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The embedded store's data directory, writable by the unprivileged user the image runs as.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/web/Graph.Web.dll"]
