# Kept outside the project, next to other shared Dockerfiles.
FROM scratch
COPY app.txt /srv/app.txt
LABEL org.example.dockerfile=shared
