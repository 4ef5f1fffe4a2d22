#!/bin/bash
# Makes the demo archive's five photos with ImageMagick 6 and exiftool (Debian: imagemagick,
# libimage-exiftool-perl). They are drawn for this project and given to the public domain
# (CC0 1.0); see README.md here. Run from this folder: bash make.sh
set -euo pipefail
export MAGICK_SEED=2025

# 1. Kazakhstan's colours: a gold sun with rays on sky blue, an ornament band at the hoist.
rays=""
for a in $(seq 0 15 345); do
  rays+=$(awk -v a="$a" 'BEGIN{r=a*3.14159265/180; printf "line %d,%d %d,%d ", 900+235*cos(r), 520+235*sin(r), 900+310*cos(r), 520+310*sin(r)}')
done
convert -size 1800x1200 gradient:'#12b6d0'-'#0092ad' \
  -fill '#fec50c' -draw "circle 900,520 900,330" \
  -stroke '#fec50c' -strokewidth 16 -draw "$rays" -stroke none \
  -draw "rectangle 110,0 190,1200" \
  -fill none -stroke '#fec50c' -strokewidth 10 \
  -draw "path 'M 900,880 C 700,1000 520,920 400,990'" -draw "path 'M 900,880 C 1100,1000 1280,920 1400,990'" \
  \( -size 1800x1200 xc:gray50 +noise Gaussian -colorspace gray -blur 0x0.8 \) -compose softlight -composite \
  -quality 90 ../articles/2025/sky-and-sun.jpg

# 2. Tajikistan's colours: red, white and green bands, a gold crown of seven stars.
stars=""
for i in 0 1 2 3 4 5 6; do
  stars+=$(awk -v i="$i" 'BEGIN{r=(200+i*23.3)*3.14159265/180; x=960+250*cos(r); y=640+250*sin(r); printf "circle %d,%d %d,%d ", x, y, x+22, y}')
done
convert -size 1920x1280 xc:white \
  -fill '#cc0000' -draw "rectangle 0,0 1920,365" \
  -fill '#006600' -draw "rectangle 0,915 1920,1280" \
  -fill '#f8c300' -draw "$stars" -draw "roundrectangle 880,560 1040,680 20,20" \
  \( -size 1920x1280 xc:gray50 +noise Gaussian -colorspace gray -blur 0x0.8 \) -compose softlight -composite \
  -quality 90 three-bands.jpg

# 3. Mountains at dawn (plasma ridges under a sky), stored on its side with an EXIF
#    orientation tag, as a phone held upright stores it: the build must turn it.
convert -size 2000x1334 gradient:'#f6c58f'-'#6f8fbf' \
  \( -size 2000x1334 plasma:fractal -blur 0x3 -colorspace gray -auto-level +level-colors '#1c252d','#7d8c99' \
     \( -size 2000x1334 xc:black -fill white -draw "polygon 0,1334 0,760 260,560 520,700 760,420 1010,640 1240,380 1500,600 1720,470 2000,690 2000,1334" \) \
     -alpha off -compose copyopacity -composite \) -compose over -composite \
  \( -size 2000x1334 xc:none -fill '#ffffffcc' -draw "polygon 760,420 700,490 820,480" -draw "polygon 1240,380 1180,450 1300,445" \) -composite \
  -rotate 270 -quality 90 mountains.jpg
exiftool -q -overwrite_original -Orientation=6 -n -GPSLatitude=38.56 -GPSLatitudeRef=N -GPSLongitude=68.77 -GPSLongitudeRef=E mountains.jpg

# 4. A hall of columns: a parliament's front at noon.
cols=""
for x in $(seq 150 180 1450); do cols+="rectangle $x,330 $((x+70)),900 "; done
convert -size 1600x1067 gradient:'#bcd7ee'-'#eef4f9' \
  -fill '#e9e2d0' -draw "polygon 80,330 800,110 1520,330" -draw "rectangle 80,900 1520,980" \
  -fill '#f4efe3' -draw "$cols" -fill '#cfc6b0' -draw "rectangle 80,980 1520,1067" \
  \( -size 1600x1067 xc:gray50 +noise Gaussian -colorspace gray -blur 0x0.8 \) -compose softlight -composite \
  -quality 90 columns.jpg

# 5. A river valley: water between two banks, as a PNG.
convert -size 1800x1200 gradient:'#9cc6e6'-'#e7f1f8' \
  \( -size 1800x1200 plasma:fractal -blur 0x2 -colorspace gray -auto-level +level-colors '#2c4519','#86a55a' \
     \( -size 1800x1200 xc:black -fill white -draw "polygon 0,1200 0,560 500,520 900,600 1300,540 1800,580 1800,1200" \) \
     -alpha off -compose copyopacity -composite \) -compose over -composite \
  -fill '#4f86b5' -draw "polygon 700,1200 860,640 940,640 1150,1200" \
  -depth 8 river.png
